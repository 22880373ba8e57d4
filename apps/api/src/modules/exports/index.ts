/** Exports (the record of processing) sit above the features they read; nothing depends on them. */
export type { ExportsContext } from './exports.context';
