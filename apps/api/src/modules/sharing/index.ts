/** The sharing feature adds arrangements to services and processors; other features need nothing of it. */
export type { SharingContext } from './sharing.context';
export type { AssessmentCheckFactsIn } from './sharing.checks';
export { createSharingLoaders, type SharingLoaders } from './sharing.loaders';
export { SharingApproval, SharingArrangement } from './sharing.types';
export { revisionToSharingArrangement, toSharingArrangement } from './sharing.mappers';
export { revisionsInStatusAt } from './sharing.queries';
