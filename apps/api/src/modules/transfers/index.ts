/** The transfers feature (DESIGN.md section 9): the adequacy register and each arrangement's transfers; the record of processing reads the register. */
export { createTransferLoaders, type TransferLoaders } from './transfers.loaders';
export type { TransfersContext } from './transfers.context';
export { loadAdequacyEntries } from './adequacy.queries';
export { arrangementAssessments, assessmentCheckLoadersIn, createAssessmentCheckLoaders } from './arrangement-assessments';
