import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { SharingApprovalEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { groupLoader, rowLoader } from '../../common/loader-helpers';
import { revisionToSharingArrangement } from './sharing.mappers';
import { SharingReads } from './sharing.store';
import type { SharingArrangement } from './sharing.types';

export interface ArrangementsAtKey {
  serviceId: string;
  at: Date;
}

export function createSharingLoaders(db: Database) {
  const m = db.manager;
  const reads = new SharingReads(m);
  return {
    arrangementById: rowLoader<string, SharingArrangementEntity>((ids) => reads.byIds(ids), (a) => a.id),
    arrangementsByServiceId: groupLoader<string, SharingArrangementEntity>((ids) => reads.ofServices(ids), (a) => a.serviceId),
    arrangementsByProcessorId: groupLoader<string, SharingArrangementEntity>((ids) => reads.ofProcessors(ids), (a) => a.processorId),
    approvalsByArrangementId: groupLoader<string, SharingApprovalEntity>(
      (ids) => m.find(SharingApprovalEntity, { where: { arrangementId: In([...ids]) }, order: { at: 'ASC', id: 'ASC' } }),
      (a) => a.arrangementId,
    ),
    /** A service's arrangements as they stood at an instant: one statement (plus origins) per distinct instant. */
    arrangementsAt: new DataLoader<ArrangementsAtKey, SharingArrangement[], string>(
      async (keys) => {
        const byInstant = new Map<number, string[]>();
        for (const key of keys) byInstant.set(key.at.getTime(), [...(byInstant.get(key.at.getTime()) ?? []), key.serviceId]);
        const results = new Map<string, SharingArrangement[]>();
        for (const [instant, serviceIds] of byInstant) {
          const at = new Date(instant);
          for (const { revision, origin } of await reads.revisionsAt({ serviceIds }, at)) {
            const key = `${revision.serviceId}@${instant}`;
            results.set(key, [...(results.get(key) ?? []), revisionToSharingArrangement(revision, origin, at)]);
          }
        }
        return keys.map((k) => results.get(`${k.serviceId}@${k.at.getTime()}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.serviceId}@${k.at.getTime()}` },
    ),
  };
}
