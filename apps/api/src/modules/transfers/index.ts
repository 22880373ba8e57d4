/** The transfers feature (DESIGN.md section 9): the adequacy register and each arrangement's transfers. Nothing depends on it. */
export { createTransferLoaders, type TransferLoaders } from './transfers.loaders';
export type { TransfersContext } from './transfers.context';
