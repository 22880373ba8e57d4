export * from './types';
export { conflictAsOf, isDecided } from './conflict-lookup';
export type { FoldStepResult, OutcomeKind, SubjectOutcome } from './fold-step';
export * from './fold';
export * from './detect-conflicts';
export * from './locked-violations';
export * from './carry-forward';
export * from './in-force';
