import type { RegionVersion } from '@canopy/domain';

/** The pure region rules live in the domain (the transfer rules read them too). */
export { DEFAULT_HOME_REGION, normaliseRegion, RegionInputError, regionAt, sameRegion } from '@canopy/domain';
export type { RegionDefinition, RegionVersion } from '@canopy/domain';

/** The settings row that holds the organisation's home region and its history. */
export const HOME_REGION_SETTING = 'home_region';

/** The setting's value: every definition ever set, oldest first, so the region of any past instant can be read. */
export interface HomeRegionSettingValue {
  versions: RegionVersion[];
}

export function parseSetting(value: string | null | undefined): HomeRegionSettingValue {
  if (!value) return { versions: [] };
  const parsed = JSON.parse(value) as HomeRegionSettingValue;
  return { versions: Array.isArray(parsed.versions) ? parsed.versions : [] };
}
