import { EntityManager } from 'typeorm';
import {
  EMPTY_ORGANISATION_PROFILE,
  type OrganisationProfileFields,
  type OrganisationProfileHistory,
  organisationProfileAt,
  sameOrganisationProfile,
} from '@canopy/domain';
import { SettingEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { optionalText, requireEmail, requireText } from '../../common/validation';
import { appendAuditEvent } from '../audit';
import type { OrganisationProfileInput } from './organisation-profile.types';

/** The settings row that holds the organisation's profile and its history. */
export const ORGANISATION_PROFILE_SETTING = 'organisation_profile';

export interface ResolvedOrganisationProfile extends OrganisationProfileFields {
  /** Null before an officer first set the profile. */
  validFrom: Date | null;
  /** Whether a profile was in force at the instant asked about. */
  recorded: boolean;
}

/** The profile in force at an instant: what the record of processing opens with. */
export interface OrganisationProfileReader {
  at(at: Date, manager?: EntityManager): Promise<ResolvedOrganisationProfile>;
}

/**
 * The organisation's profile, a row of `settings` holding every version, so
 * the record of processing of a past instant names the controller as it was
 * then. Officers only; audited; setting the profile it already is writes
 * nothing.
 */
export class OrganisationProfileService implements OrganisationProfileReader {
  constructor(private readonly db: Database) {}

  async at(at: Date, manager: EntityManager = this.db.manager): Promise<ResolvedOrganisationProfile> {
    return resolve(parseHistory((await manager.findOneBy(SettingEntity, { key: ORGANISATION_PROFILE_SETTING }))?.value), at);
  }

  async set(actor: Viewer, input: OrganisationProfileInput): Promise<ResolvedOrganisationProfile> {
    const profile = normalise(input);
    return this.db.write(async (tx, now) => {
      const row = await tx.findOne(SettingEntity, {
        where: { key: ORGANISATION_PROFILE_SETTING },
        ...(this.db.sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
      });
      const history = parseHistory(row?.value);
      const current = resolve(history, now);
      if (current.recorded && sameOrganisationProfile(current, profile)) return current;
      const last = history.versions[history.versions.length - 1];
      // A version never starts before the one it follows (clock skew between API servers).
      const validFrom = new Date(Math.max(now.getTime(), last ? new Date(last.validFrom).getTime() + 1 : 0));
      const value = JSON.stringify({ versions: [...history.versions, { ...profile, validFrom: validFrom.toISOString() }] });
      if (row) await tx.update(SettingEntity, { key: ORGANISATION_PROFILE_SETTING }, { value });
      else await tx.insert(SettingEntity, { key: ORGANISATION_PROFILE_SETTING, value });
      await appendAuditEvent(tx, now, actor, {
        action: 'settings.organisation_profile_set',
        entityType: 'setting',
        entityId: ORGANISATION_PROFILE_SETTING,
        before: current.recorded ? fieldsOf(current) : null,
        after: { ...profile, validFrom: validFrom.toISOString() },
      });
      return { ...profile, validFrom, recorded: true };
    });
  }
}

function normalise(input: OrganisationProfileInput): OrganisationProfileFields {
  const dpoEmail = optionalText(input.dpoEmail, 'input.dpoEmail', 254);
  return {
    legalName: requireText(input.legalName, 'input.legalName', 200),
    address: requireText(input.address, 'input.address', 500),
    contactEmail: requireEmail(input.contactEmail, 'input.contactEmail'),
    dpoName: optionalText(input.dpoName, 'input.dpoName', 200),
    dpoEmail: dpoEmail === null ? null : requireEmail(dpoEmail, 'input.dpoEmail'),
    euRepresentative: optionalText(input.euRepresentative, 'input.euRepresentative', 500),
  };
}

function fieldsOf(profile: OrganisationProfileFields): OrganisationProfileFields {
  const { legalName, address, contactEmail, dpoName, dpoEmail, euRepresentative } = profile;
  return { legalName, address, contactEmail, dpoName, dpoEmail, euRepresentative };
}

function parseHistory(value: string | null | undefined): OrganisationProfileHistory {
  if (!value) return { versions: [] };
  const parsed = JSON.parse(value) as OrganisationProfileHistory;
  return { versions: Array.isArray(parsed.versions) ? parsed.versions : [] };
}

function resolve(history: OrganisationProfileHistory, at: Date): ResolvedOrganisationProfile {
  const version = organisationProfileAt(history, at);
  if (!version) return { ...EMPTY_ORGANISATION_PROFILE, validFrom: null, recorded: false };
  return { ...fieldsOf(version), validFrom: new Date(version.validFrom), recorded: true };
}
