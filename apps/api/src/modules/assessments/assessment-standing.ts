import { type AssessedSubject, type AssessmentStanding, assessmentStandingAt, tiaContentFingerprint } from '@canopy/domain';
import type { RequestNow } from '../../common/loader-helpers';
import type { InventoryLoaders } from '../inventory';
import { processorTransferFacts, type ProcessorLoaders } from '../processors';
import type { SharingLoaders } from '../sharing';
import type { TaxonomyLoaders } from '../taxonomy';
import { assessmentRecord } from './assessment.mappers';
import type { Assessment } from './assessment.types';

export type StandingLoaders = InventoryLoaders & SharingLoaders & ProcessorLoaders & TaxonomyLoaders & RequestNow;

/**
 * The subject of an assessment at `at`: the service's inventory then (DPIA),
 * or its arrangement as it stood then with its processor's countries and
 * mechanisms then (TIA). Null when the arrangement or the processor did not
 * exist then. Through the request's loaders: a page of assessments costs one
 * statement per relation (per instant as of a past one).
 */
async function subjectAt(a: Assessment, at: Date, loaders: StandingLoaders, current: boolean): Promise<AssessedSubject | null> {
  if (a.kind === 'DPIA') {
    const [items, taxonomy] = await Promise.all([
      current ? loaders.inventoryByServiceId.load(a.serviceId) : loaders.inventoryAt.load({ serviceId: a.serviceId, at }),
      loaders.taxonomy(),
    ]);
    return { kind: 'DPIA', collectedCategories: items.map((i) => i.dataCategory), taxonomy };
  }
  const arrangement = current
    ? await loaders.arrangementById.load(a.arrangementId ?? '')
    : (await loaders.arrangementsAt.load({ serviceId: a.serviceId, at })).find((x) => x.id === a.arrangementId);
  if (!arrangement) return null;
  const processor = current ? await loaders.processorById.load(arrangement.processorId) : await loaders.processorAt.load({ serviceId: arrangement.processorId, at });
  if (!processor) return null;
  return { kind: 'TIA', contentFingerprint: tiaContentFingerprint(arrangement, processorTransferFacts(processor)) };
}

/** The derived status of an assessment as shown: now, or at the instant it was read as of. */
export async function standingOf(a: Assessment, loaders: StandingLoaders): Promise<AssessmentStanding> {
  // Read now, the row is the current state: a decision written by this very request (after its `now`) already holds.
  const at = a.asOf ?? new Date(Math.max(loaders.now.getTime(), a.decidedAt?.getTime() ?? 0));
  const record = assessmentRecord(a);
  if (record.status !== 'APPROVED') return assessmentStandingAt(record, at);
  const subject = await subjectAt(a, at, loaders, a.asOf === null);
  return assessmentStandingAt(record, at, subject ?? undefined);
}
