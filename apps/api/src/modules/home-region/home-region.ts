import { EEA_COUNTRY_CODES, isCountryCode } from '../../common/countries';

/** The settings row that holds the organisation's home region and its history. */
export const HOME_REGION_SETTING = 'home_region';

/** The region personal data may move within without a transfer mechanism (GDPR chapter V). */
export interface RegionDefinition {
  name: string;
  /** ISO 3166-1 alpha-2 codes, upper case, sorted. */
  countries: string[];
}

export interface RegionVersion extends RegionDefinition {
  /** From when this definition applies (ISO instant); the previous one applies until then. */
  validFrom: string;
}

/**
 * Until an officer sets one, the home region is the European Economic Area:
 * Canopy records GDPR Art. 30 and chapter V transfers, so the EEA is the
 * natural default; `isDefault` tells clients it was never chosen.
 */
export const DEFAULT_HOME_REGION: RegionDefinition = { name: 'EEA', countries: [...EEA_COUNTRY_CODES].sort() };

/** The setting's value: every definition ever set, oldest first, so the region of any past instant can be read. */
export interface HomeRegionSettingValue {
  versions: RegionVersion[];
}

export function parseSetting(value: string | null | undefined): HomeRegionSettingValue {
  if (!value) return { versions: [] };
  const parsed = JSON.parse(value) as HomeRegionSettingValue;
  return { versions: Array.isArray(parsed.versions) ? parsed.versions : [] };
}

/** The definition in force at `at` (null before the first one was set: the default applies). */
export function regionAt(setting: HomeRegionSettingValue, at: Date): RegionVersion | null {
  let found: RegionVersion | null = null;
  for (const version of setting.versions) {
    if (new Date(version.validFrom).getTime() <= at.getTime()) found = version;
  }
  return found;
}

export class RegionInputError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}

/**
 * Validates and normalises a region: a non-blank name; at least one country;
 * ISO 3166-1 alpha-2 codes in any case; the token `EEA` stands for the EEA's
 * member countries. Duplicates fold, the list comes back sorted.
 */
export function normaliseRegion(name: string, countries: readonly string[]): RegionDefinition {
  const trimmed = String(name).trim();
  if (!trimmed) throw new RegionInputError('name must not be blank.', 'input.name');
  if (trimmed.length > 100) throw new RegionInputError('name may have at most 100 characters.', 'input.name');
  if (countries.length === 0) throw new RegionInputError('countries: list at least one country (or EEA).', 'input.countries');
  const codes = new Set<string>();
  countries.forEach((raw, i) => {
    const code = String(raw).trim().toUpperCase();
    if (code === 'EEA') {
      for (const c of EEA_COUNTRY_CODES) codes.add(c);
    } else if (isCountryCode(code)) {
      codes.add(code);
    } else {
      throw new RegionInputError(
        `countries[${i}]: "${String(raw).slice(0, 10)}" is not an ISO 3166-1 alpha-2 country code (or EEA).`,
        `input.countries[${i}]`,
      );
    }
  });
  return { name: trimmed, countries: [...codes].sort() };
}

export const sameRegion = (a: RegionDefinition, b: RegionDefinition): boolean =>
  a.name === b.name && a.countries.join(',') === b.countries.join(',');
