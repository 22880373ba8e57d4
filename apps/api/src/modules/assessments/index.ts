/** The assessments feature (DESIGN.md section 9): the DPIA requirement of each service, the questionnaires and enforcement. */
export { createDpiaLoaders, type DpiaLoaders } from './dpia.loaders';
export { createAssessmentLoaders, type AssessmentLoaders } from './assessment.loaders';
export { assessmentRecord, toAssessment } from './assessment.mappers';
export type { EnforcementReader } from './enforcement.app-service';
export type { AssessmentsContext } from './assessments.context';
export { assessmentRecords, type AssessmentRecords, type IdentifiedAssessment } from './assessment-records';
