import { EEA_COUNTRY_CODES, isCountryCode } from '../shared/countries';
import { versionAt } from '../shared/versions';

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

/** Every definition ever set, oldest first, so the region of any past instant can be read. */
export interface RegionHistory {
  versions: readonly RegionVersion[];
}

/**
 * Until an officer sets one, the home region is the European Economic Area:
 * Canopy records GDPR Art. 30 and chapter V transfers, so the EEA is the
 * natural default.
 */
export const DEFAULT_HOME_REGION: RegionDefinition = { name: 'EEA', countries: [...EEA_COUNTRY_CODES].sort() };

/** The definition in force at `at` (null before the first one was set: the default applies). */
export function regionAt(history: RegionHistory, at: Date): RegionVersion | null {
  return versionAt(history.versions, at);
}

/** The home region at `at`: the definition in force then, else {@link DEFAULT_HOME_REGION}. */
export function homeRegionAt(history: RegionHistory, at: Date): RegionDefinition {
  const version = regionAt(history, at);
  return version ? { name: version.name, countries: [...version.countries] } : DEFAULT_HOME_REGION;
}

/**
 * A country is inside the region when the region lists its code. Codes
 * compare upper case, so `de` is in the EEA; a transfer to a country outside
 * it is restricted (GDPR chapter V).
 */
export function isInRegion(region: { readonly countries: readonly string[] }, country: string): boolean {
  return region.countries.includes(country.trim().toUpperCase());
}

export class RegionInputError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
    this.name = 'RegionInputError';
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
