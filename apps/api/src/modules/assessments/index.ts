/** The assessments feature (DESIGN.md section 9): the DPIA requirement of each service. Nothing depends on it. */
export { createDpiaLoaders, type DpiaLoaders } from './dpia.loaders';
export type { AssessmentsContext } from './assessments.context';
