import { isCountryCode } from '../shared/countries';

/**
 * The adequacy register (DESIGN.md section 9): the European Commission's
 * decisions as officers record them, never rewritten.
 *
 * Reading (the design is silent on how a later entry relates to an earlier
 * one of the same country): entries of one country are versions of its
 * standing, like policy versions. An entry takes effect at
 * `max(validFrom, recordedAt)` and then governs the country until a later
 * recorded entry of that country takes effect; while it governs, the country
 * is adequate from `validFrom` until `validUntil` (exclusive; none: open
 * ended), within its scope. So an extension or a withdrawal is a new entry
 * with another `validUntil`, and recording it late never changes what the
 * register said before it was recorded.
 */

/**
 * Partial decisions. `DPF_CERTIFIED`: the organisation holds the
 * certification `DPF` (EU-US Data Privacy Framework List).
 * `COMMERCIAL_ORGANISATIONS`: organisations subject to Canada's PIPEDA, i.e.
 * acting in the course of commercial activities. `PRIVATE_SECTOR`: Japan's
 * decision covers personal information handling business operators under
 * the APPI, not public bodies.
 */
export const ADEQUACY_SCOPES = ['DPF_CERTIFIED', 'COMMERCIAL_ORGANISATIONS', 'PRIVATE_SECTOR'] as const;
export type AdequacyScope = (typeof ADEQUACY_SCOPES)[number];

export const ADEQUACY_SCOPE_DESCRIPTIONS: Readonly<Record<AdequacyScope, string>> = {
  DPF_CERTIFIED: 'organisations certified under the EU-US Data Privacy Framework (certification DPF)',
  COMMERCIAL_ORGANISATIONS: 'commercial organisations',
  PRIVATE_SECTOR: 'private-sector organisations',
};

/**
 * What kind of organisation a processor or sub-processor is. Decision: a
 * processor says it is not commercial with `NON_PROFIT` or `PUBLIC_BODY`;
 * unset means `COMMERCIAL`, which is what a processor selling a service is.
 */
export const ORGANISATION_SECTORS = ['COMMERCIAL', 'NON_PROFIT', 'PUBLIC_BODY'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

/** The certification a processor lists to be covered by the United States' decision. */
export const DPF_CERTIFICATION = 'DPF';

export interface AdequacyEntry {
  /** ISO 3166-1 alpha-2. */
  country: string;
  validFrom: Date;
  /** Exclusive; null: open ended. */
  validUntil: Date | null;
  /** Null: the whole country. */
  scope: AdequacyScope | null;
  recordedAt: Date;
  note?: string | null;
}

/** The recipient whose coverage a scope decides. */
export interface AdequacyRecipient {
  certifications?: readonly string[];
  /** Unset: COMMERCIAL. */
  sector?: OrganisationSector | null;
}

export function adequacyTakesEffectAt(entry: Pick<AdequacyEntry, 'validFrom' | 'recordedAt'>): Date {
  return new Date(Math.max(entry.validFrom.getTime(), entry.recordedAt.getTime()));
}

/** Whether a recipient falls within a scope (null: the whole country). */
export function scopeCovers(scope: AdequacyScope | null, recipient: AdequacyRecipient): boolean {
  const sector = recipient.sector ?? 'COMMERCIAL';
  switch (scope) {
    case null:
      return true;
    case 'DPF_CERTIFIED':
      return (recipient.certifications ?? []).some((c) => c.trim().toUpperCase() === DPF_CERTIFICATION);
    case 'COMMERCIAL_ORGANISATIONS':
      return sector === 'COMMERCIAL';
    case 'PRIVATE_SECTOR':
      return sector !== 'PUBLIC_BODY';
  }
}

/**
 * The register indexed by country, entries in recording order (ties keep
 * their order in the list), so that each question costs a scan of one
 * country's few entries.
 */
export class AdequacyRegister {
  private readonly byCountry = new Map<string, AdequacyEntry[]>();

  constructor(readonly entries: readonly AdequacyEntry[]) {
    entries.forEach((entry) => {
      const country = entry.country.toUpperCase();
      const list = this.byCountry.get(country) ?? [];
      list.push(entry);
      this.byCountry.set(country, list);
    });
    for (const list of this.byCountry.values()) list.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  }

  static of(register: AdequacyRegister | readonly AdequacyEntry[]): AdequacyRegister {
    return register instanceof AdequacyRegister ? register : new AdequacyRegister(register);
  }

  countries(): string[] {
    return [...this.byCountry.keys()].sort();
  }

  /** The entry that governs `country` at `at`: the last recorded one that has taken effect by then. */
  governing(country: string, at: Date): AdequacyEntry | null {
    const list = this.byCountry.get(country.toUpperCase()) ?? [];
    let found: AdequacyEntry | null = null;
    for (const entry of list) if (adequacyTakesEffectAt(entry).getTime() <= at.getTime()) found = entry;
    return found;
  }

  /** The governing entry when it holds adequacy at `at` (whatever its scope), else null. */
  inForce(country: string, at: Date): AdequacyEntry | null {
    const entry = this.governing(country, at);
    if (!entry || entry.validFrom.getTime() > at.getTime()) return null;
    if (entry.validUntil && entry.validUntil.getTime() <= at.getTime()) return null;
    return entry;
  }

  /** Every decision in force at `at`, by country (the contract's `adequacyDecisions(at)`). */
  decisionsAt(at: Date): AdequacyEntry[] {
    return this.countries()
      .map((c) => this.inForce(c, at))
      .filter((e): e is AdequacyEntry => e !== null);
  }

  /**
   * The register as it would be if adequacy of `countries` were withdrawn
   * from `from`: each gets an entry recorded at `from` that holds no
   * adequacy (it ends as it starts), so from then on it governs the country,
   * scheduled decisions recorded before included; what the register said
   * before `from` is untouched.
   */
  withdrawn(countries: readonly string[], from: Date): AdequacyRegister {
    const added = [...new Set(countries.map((c) => c.trim().toUpperCase()))].map(
      (country): AdequacyEntry => ({ country, validFrom: from, validUntil: from, scope: null, recordedAt: from, note: `withdrawn from ${from.toISOString()}` }),
    );
    return new AdequacyRegister([...this.entries, ...added]);
  }
}

export interface AdequacyCoverage {
  adequate: boolean;
  entry: AdequacyEntry | null;
  /** Why not, when a decision is in force but its scope leaves the recipient out. */
  outOfScope: boolean;
}

/** Whether the decision for `country` at `at` covers this recipient. */
export function adequacyCoverage(register: AdequacyRegister, country: string, at: Date, recipient: AdequacyRecipient): AdequacyCoverage {
  const entry = register.inForce(country, at);
  if (!entry) return { adequate: false, entry: null, outOfScope: false };
  const covered = scopeCovers(entry.scope, recipient);
  return { adequate: covered, entry, outOfScope: !covered };
}

export interface AdequacyEntryInput {
  country: string;
  validFrom: Date;
  validUntil?: Date | null;
  scope?: string | null;
  note?: string | null;
}

export interface AdequacyInputError {
  argument: 'country' | 'validUntil' | 'scope' | 'note';
  message: string;
}

/** Problems with an officer's entry (`BAD_USER_INPUT`), empty when it can be recorded. */
export function adequacyEntryErrors(input: AdequacyEntryInput): AdequacyInputError[] {
  const errors: AdequacyInputError[] = [];
  if (!isCountryCode(input.country.trim().toUpperCase())) {
    errors.push({ argument: 'country', message: `"${input.country.slice(0, 10)}" is not an ISO 3166-1 alpha-2 country code` });
  }
  if (input.validUntil && input.validUntil.getTime() < input.validFrom.getTime()) {
    errors.push({ argument: 'validUntil', message: 'validUntil must not be before validFrom' });
  }
  if (input.scope != null && !(ADEQUACY_SCOPES as readonly string[]).includes(input.scope)) {
    errors.push({ argument: 'scope', message: `scope must be one of ${ADEQUACY_SCOPES.join(', ')} (or none: the whole country)` });
  }
  if (input.note != null && input.note.length > 500) errors.push({ argument: 'note', message: 'note may have at most 500 characters' });
  return errors;
}
