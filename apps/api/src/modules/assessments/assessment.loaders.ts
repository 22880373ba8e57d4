import type { EntityManager } from 'typeorm';
import type { AssessmentEntity } from '@canopy/persistence';
import { asOfLoader, groupLoader, once, rowLoader } from '../../common/loader-helpers';
import type { EnforcementReader } from './enforcement.app-service';
import { revisionToAssessment } from './assessment.mappers';
import { AssessmentQueries } from './assessment.queries';
import type { Assessment } from './assessment.types';

/**
 * Per-request loaders of assessments: one statement per page of services
 * (Service.assessments) or of ids; as of an instant, one statement (plus
 * origins) per instant; enforcement, once.
 */
export function createAssessmentLoaders(m: EntityManager, enforcement: EnforcementReader) {
  const queries = new AssessmentQueries(m);
  return {
    assessmentById: rowLoader<string, AssessmentEntity>((ids) => queries.byIds(ids), (a) => a.id),
    assessmentsByServiceId: groupLoader<string, AssessmentEntity>((ids) => queries.ofServices(ids), (a) => a.serviceId),
    /** The assessments of a service (its DPIAs and its arrangements' TIAs) as they stood at `at`, oldest first. */
    assessmentsAt: asOfLoader<Assessment[]>(async (serviceIds, at) => {
      const byService = new Map<string, Assessment[]>();
      for (const { revision, origin } of await queries.revisionsAt({ serviceIds }, at)) {
        byService.set(revision.serviceId, [...(byService.get(revision.serviceId) ?? []), revisionToAssessment(revision, origin, at)]);
      }
      return byService;
    }, []),
    /** From when the section 9 rules are enforced (null: advisory). */
    assessmentEnforcement: once(() => enforcement.enforceFrom(m)),
  };
}

export type AssessmentLoaders = ReturnType<typeof createAssessmentLoaders>;
