import { EntityManager, In } from 'typeorm';
import { SharingApprovalEntity, SharingArrangementEntity } from '@canopy/persistence';
import { asOfLoader, groupLoader, rowLoader } from '../../common/loader-helpers';
import { revisionToSharingArrangement } from './sharing.mappers';
import { ArrangementQueries } from './sharing.queries';
import type { SharingArrangement } from './sharing.types';

/** Per-request loaders of arrangements and their approvals; `arrangementsAt` reads history, one statement (plus origins) per instant. */
export function createSharingLoaders(m: EntityManager) {
  const queries = new ArrangementQueries(m);
  return {
    arrangementById: rowLoader<string, SharingArrangementEntity>((ids) => queries.byIds(ids), (a) => a.id),
    arrangementsByServiceId: groupLoader<string, SharingArrangementEntity>((ids) => queries.ofServices(ids), (a) => a.serviceId),
    arrangementsByProcessorId: groupLoader<string, SharingArrangementEntity>((ids) => queries.ofProcessors(ids), (a) => a.processorId),
    approvalsByArrangementId: groupLoader<string, SharingApprovalEntity>(
      (ids) => m.find(SharingApprovalEntity, { where: { arrangementId: In([...ids]) }, order: { at: 'ASC', id: 'ASC' } }),
      (a) => a.arrangementId,
    ),
    arrangementsAt: asOfLoader<SharingArrangement[]>(async (serviceIds, at) => {
      const byService = new Map<string, SharingArrangement[]>();
      for (const { revision, origin } of await queries.revisionsAt({ serviceIds }, at)) {
        byService.set(revision.serviceId, [...(byService.get(revision.serviceId) ?? []), revisionToSharingArrangement(revision, origin, at)]);
      }
      return byService;
    }, []),
  };
}

export type SharingLoaders = ReturnType<typeof createSharingLoaders>;
