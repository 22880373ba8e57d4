import type { EntityManager } from 'typeorm';
import type { AssessmentEntity } from '@canopy/persistence';
import { groupLoader, rowLoader } from '../../common/loader-helpers';
import { AssessmentQueries } from './assessment.queries';

/** Per-request loaders of assessments: one statement per page of services (Service.assessments) or of ids. */
export function createAssessmentLoaders(m: EntityManager) {
  const queries = new AssessmentQueries(m);
  return {
    assessmentById: rowLoader<string, AssessmentEntity>((ids) => queries.byIds(ids), (a) => a.id),
    assessmentsByServiceId: groupLoader<string, AssessmentEntity>((ids) => queries.ofServices(ids), (a) => a.serviceId),
  };
}

export type AssessmentLoaders = ReturnType<typeof createAssessmentLoaders>;
