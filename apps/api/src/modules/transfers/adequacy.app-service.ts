import { adequacyEntryErrors, type AdequacyEntry } from '@canopy/domain';
import { AdequacyDecisionEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { newId } from '../../common/ids';
import { appendAuditEvent } from '../audit';
import { toAdequacyEntry } from '../../common/organisation-facts';
import type { AdequacyDecisionInput } from './adequacy.types';

/**
 * Officers keep the adequacy register. An entry is only ever added, recorded
 * now: a late record never changes what the register said before it was
 * recorded (the domain's AdequacyRegister reads the entries).
 */
export class AdequacyRegisterService {
  constructor(private readonly db: Database) {}

  async record(actor: Viewer, input: AdequacyDecisionInput): Promise<AdequacyEntry> {
    const errors = adequacyEntryErrors(input);
    if (errors.length) throw badInput(errors.map((e) => e.message).join('; '), { argument: `input.${errors[0].argument}` });
    const scope = input.scope ?? null;
    return this.db.write(async (tx, now) => {
      const row = tx.create(AdequacyDecisionEntity, {
        id: newId(),
        country: input.country.trim().toUpperCase(),
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
        scope,
        note: input.note?.trim() || null,
        recordedAt: now,
        recordedBy: actor.id,
      });
      await tx.insert(AdequacyDecisionEntity, row);
      const entry = toAdequacyEntry(row);
      await appendAuditEvent(tx, now, actor, {
        action: 'adequacy.recorded',
        entityType: 'adequacy_decision',
        entityId: row.id,
        before: null,
        after: { ...entry, validFrom: entry.validFrom.toISOString(), validUntil: entry.validUntil?.toISOString() ?? null, recordedAt: now.toISOString() },
      });
      return entry;
    });
  }
}
