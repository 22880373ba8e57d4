export { generateDataset } from './generate-dataset';
export type { GeneratedDataset } from './generate-dataset';
export { buildDataset } from './build-dataset';
export { DatasetStream } from './dataset-stream';
export type { DatasetLogin, DatasetOptions, DatasetRows } from './dataset-types';
