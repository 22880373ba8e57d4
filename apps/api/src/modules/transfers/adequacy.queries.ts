import type { EntityManager } from 'typeorm';
import type { AdequacyEntry } from '@canopy/domain';
import { AdequacyDecisionEntity } from '@canopy/persistence';
import { toAdequacyEntry } from '../../common/organisation-facts';

/** The whole register, in recording order: one statement (a few dozen rows; it grows only when officers record decisions). */
export async function loadAdequacyEntries(m: EntityManager): Promise<AdequacyEntry[]> {
  const rows = await m.find(AdequacyDecisionEntity, { order: { recordedAt: 'ASC', id: 'ASC' } });
  return rows.map(toAdequacyEntry);
}
