import type { EntityManager } from 'typeorm';
import type { AdequacyEntry, AdequacyScope } from '@canopy/domain';
import { AdequacyDecisionEntity } from '@canopy/persistence';

export const toAdequacyEntry = (row: AdequacyDecisionEntity): AdequacyEntry => ({
  country: row.country,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  scope: row.scope as AdequacyScope | null,
  recordedAt: row.recordedAt,
  note: row.note,
});

/** The whole register, in recording order: one statement (a few dozen rows; it grows only when officers record decisions). */
export async function loadAdequacyEntries(m: EntityManager): Promise<AdequacyEntry[]> {
  const rows = await m.find(AdequacyDecisionEntity, { order: { recordedAt: 'ASC', id: 'ASC' } });
  return rows.map(toAdequacyEntry);
}
