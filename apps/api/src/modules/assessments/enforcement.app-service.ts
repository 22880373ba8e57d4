import type { EntityManager } from 'typeorm';
import { enforcementStartsAt } from '@canopy/domain';
import { SettingEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { appendAuditEvent } from '../audit';

/** The settings row that holds from when assessments are enforced. */
export const ENFORCEMENT_SETTING = 'assessment_enforcement';

/** From when the section 9 rules are enforced (null: advisory): what the checks, findings and the what-if read. */
export interface EnforcementReader {
  enforceFrom(manager?: EntityManager): Promise<Date | null>;
}

/**
 * Enforcement with a grace period (DESIGN.md section 9): a fresh
 * organisation has none; an officer turns it on from an instant, never
 * earlier than now (the domain's enforcementStartsAt), audited.
 */
export class AssessmentEnforcementService implements EnforcementReader {
  constructor(private readonly db: Database) {}

  async enforceFrom(manager: EntityManager = this.db.manager): Promise<Date | null> {
    const row = await manager.findOneBy(SettingEntity, { key: ENFORCEMENT_SETTING });
    return this.fromSetting(row?.value);
  }

  /** The settings row enforcement is kept in, for a caller reading it with other settings in one statement. */
  readonly settingKey = ENFORCEMENT_SETTING;

  /** From when enforcement holds, from the row's value (absent: never turned on). */
  fromSetting(value: string | undefined): Date | null {
    const from = value ? (JSON.parse(value) as { from?: string }).from : undefined;
    return from ? new Date(from) : null;
  }

  async enforce(actor: Viewer, requested: Date): Promise<Date> {
    return this.db.write(async (tx, now) => {
      const before = await this.enforceFrom(tx);
      const from = enforcementStartsAt(requested, now);
      const value = JSON.stringify({ from: from.toISOString() });
      if (before) await tx.update(SettingEntity, { key: ENFORCEMENT_SETTING }, { value });
      else await tx.insert(SettingEntity, { key: ENFORCEMENT_SETTING, value });
      await appendAuditEvent(tx, now, actor, {
        action: 'settings.assessment_enforcement_set',
        entityType: 'setting',
        entityId: ENFORCEMENT_SETTING,
        before: { from: before?.toISOString() ?? null },
        after: { from: from.toISOString() },
      });
      return from;
    });
  }
}
