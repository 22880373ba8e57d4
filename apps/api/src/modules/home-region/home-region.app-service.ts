import { EntityManager } from 'typeorm';
import { SettingEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { appendAuditEvent } from '../audit';
import {
  DEFAULT_HOME_REGION,
  HOME_REGION_SETTING,
  HomeRegionSettingValue,
  normaliseRegion,
  parseSetting,
  RegionDefinition,
  regionAt,
  RegionInputError,
  sameRegion,
} from './home-region';
import type { HomeRegionInput } from './home-region.types';

export interface ResolvedHomeRegion extends RegionDefinition {
  isDefault: boolean;
  validFrom: Date | null;
}

/** The home region in force at an instant: what the record of processing reads. */
export interface HomeRegionReader {
  at(at: Date, manager?: EntityManager): Promise<ResolvedHomeRegion>;
}

/**
 * The organisation's home region, a row of `settings`. Setting it appends a
 * new definition instead of overwriting the old one, so the record of
 * processing of a past instant uses the region in force then. Officers only;
 * audited; setting the region it already is changes nothing.
 */
export class HomeRegionService implements HomeRegionReader {
  constructor(private readonly db: Database) {}

  async at(at: Date, manager: EntityManager = this.db.manager): Promise<ResolvedHomeRegion> {
    return resolve(await this.read(manager), at);
  }

  async set(actor: Viewer, input: HomeRegionInput): Promise<ResolvedHomeRegion> {
    let region: RegionDefinition;
    try {
      region = normaliseRegion(input.name, input.countries);
    } catch (error) {
      if (error instanceof RegionInputError) throw badInput(error.message, { argument: error.argument });
      throw error;
    }
    return this.db.write(async (tx, now) => {
      const row = await tx.findOne(SettingEntity, {
        where: { key: HOME_REGION_SETTING },
        ...(this.db.sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
      });
      const setting = parseSetting(row?.value);
      const current = resolve(setting, now);
      if (!current.isDefault && sameRegion(current, region)) return current; // no change, no audit event
      const last = setting.versions[setting.versions.length - 1];
      // Never let a definition start before the one it follows (clock skew between API servers).
      const validFrom = new Date(Math.max(now.getTime(), last ? new Date(last.validFrom).getTime() + 1 : 0));
      const next: HomeRegionSettingValue = { versions: [...setting.versions, { ...region, validFrom: validFrom.toISOString() }] };
      if (row) await tx.update(SettingEntity, { key: HOME_REGION_SETTING }, { value: JSON.stringify(next) });
      else await tx.insert(SettingEntity, { key: HOME_REGION_SETTING, value: JSON.stringify(next) });
      await appendAuditEvent(tx, now, actor, {
        action: 'settings.home_region_set',
        entityType: 'setting',
        entityId: HOME_REGION_SETTING,
        before: { name: current.name, countries: current.countries, isDefault: current.isDefault },
        after: { name: region.name, countries: region.countries, validFrom: validFrom.toISOString() },
      });
      return { ...region, isDefault: false, validFrom };
    });
  }

  /** The settings row the region is kept in, for a caller reading it with other settings in one statement. */
  readonly settingKey = HOME_REGION_SETTING;

  /** The region in force at `at` from the row's value (absent: the default region). */
  fromSetting(value: string | undefined, at: Date): ResolvedHomeRegion {
    return resolve(parseSetting(value), at);
  }

  private async read(manager: EntityManager): Promise<HomeRegionSettingValue> {
    const row = await manager.findOneBy(SettingEntity, { key: HOME_REGION_SETTING });
    return parseSetting(row?.value);
  }
}

function resolve(setting: HomeRegionSettingValue, at: Date): ResolvedHomeRegion {
  const version = regionAt(setting, at);
  if (!version) return { ...DEFAULT_HOME_REGION, isDefault: true, validFrom: null };
  return { name: version.name, countries: [...version.countries], isDefault: false, validFrom: new Date(version.validFrom) };
}
