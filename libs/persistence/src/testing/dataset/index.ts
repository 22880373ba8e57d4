export { generateDataset } from './generate-dataset';
export type { GeneratedDataset } from './generate-dataset';
export { buildDataset } from './build-dataset';
export type { DatasetLogin, DatasetOptions, DatasetRows } from './build-dataset';
