import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { type AdequacyEntry, type AdequacyScope, Taxonomy } from '@canopy/domain';
import { AdequacyDecisionEntity, hydratedValue, SettingEntity, TaxonomyCategoryEntity } from '@canopy/persistence';
import { once } from './loader-helpers';

/**
 * Facts every service of the organisation shares, small and changed only by
 * officers: the taxonomy, a few settings rows and the adequacy register.
 */
export interface OrganisationFacts {
  taxonomy: Taxonomy;
  /** The rows of the setting keys asked for (absent: not set), by key. */
  settings: ReadonlyMap<string, string>;
  /** The adequacy register in recording order. */
  adequacy: readonly AdequacyEntry[];
}

export const toAdequacyEntry = (row: Pick<AdequacyDecisionEntity, 'country' | 'validFrom' | 'validUntil' | 'scope' | 'recordedAt' | 'note'>): AdequacyEntry => ({
  country: row.country,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  scope: row.scope as AdequacyScope | null,
  recordedAt: row.recordedAt,
  note: row.note,
});

/**
 * The four tables in one statement (UNION ALL): each position of the result
 * holds one column type and collation throughout (byte-compared keys, text,
 * a flag, instants), so each dialect returns the values it returns for the
 * tables read alone, hydrated by the entities' own column metadata.
 */
const UNION = (keys: number) => `
  SELECT 'category' AS kind, c.\`key\` AS k, NULL AS k2, c.name AS name, c.description AS body, c.sensitive AS flag, NULL AS t1, NULL AS t2, NULL AS t3 FROM taxonomy_categories c
  UNION ALL SELECT 'use', u.\`key\`, NULL, u.name, u.description, NULL, NULL, NULL, NULL FROM taxonomy_uses u
  UNION ALL SELECT 'adequacy', a.country, a.id, a.scope, a.note, NULL, a.valid_from, a.valid_until, a.recorded_at FROM adequacy_decisions a
  ${keys ? `UNION ALL SELECT 'setting', s.\`key\`, NULL, NULL, s.value, NULL, NULL, NULL, NULL FROM settings s WHERE s.\`key\` IN (${Array(keys).fill('?').join(', ')})` : ''}`;

interface UnionRow {
  kind: string;
  k: string;
  k2: string | null;
  name: string | null;
  body: string | null;
  flag: unknown;
  t1: unknown;
  t2: unknown;
  t3: unknown;
}

/**
 * The last taxonomy read, handed out again while its rows stay the same, so that what is derived from a
 * taxonomy (the effective policy of the services without one of their own) can be kept across requests.
 */
export class KnownTaxonomy {
  private last: { rows: string; taxonomy: Taxonomy } | null = null;

  of(categories: ConstructorParameters<typeof Taxonomy>[0], uses: ConstructorParameters<typeof Taxonomy>[1]): Taxonomy {
    const rows = JSON.stringify([categories, uses]);
    if (this.last?.rows !== rows) this.last = { rows, taxonomy: new Taxonomy(categories, uses) };
    return this.last.taxonomy;
  }
}

/** The organisation's shared facts, with the settings rows of `settingKeys`: one statement. */
export async function readOrganisationFacts(m: EntityManager, settingKeys: readonly string[], known: KnownTaxonomy | null = null): Promise<OrganisationFacts> {
  const rows = (await m.query(UNION(settingKeys.length), [...settingKeys])) as UnionRow[];
  const value = (entity: EntityTarget<ObjectLiteral>, property: string, raw: unknown) => hydratedValue(m, entity, property, raw);
  const categories = [];
  const uses = [];
  const adequacy: (AdequacyEntry & { id: string })[] = [];
  const settings = new Map<string, string>();
  for (const r of rows) {
    if (r.kind === 'category') categories.push({ key: r.k, name: r.name as string, description: r.body, sensitive: value(TaxonomyCategoryEntity, 'sensitive', r.flag) as boolean });
    else if (r.kind === 'use') uses.push({ key: r.k, name: r.name as string, description: r.body });
    else if (r.kind === 'setting') settings.set(r.k, value(SettingEntity, 'value', r.body) as string);
    else
      adequacy.push({
        id: r.k2 as string,
        ...toAdequacyEntry({
          country: r.k,
          scope: r.name,
          note: r.body,
          validFrom: value(AdequacyDecisionEntity, 'validFrom', r.t1) as Date,
          validUntil: value(AdequacyDecisionEntity, 'validUntil', r.t2) as Date | null,
          recordedAt: value(AdequacyDecisionEntity, 'recordedAt', r.t3) as Date,
        }),
      });
  }
  // The register's order as loadAdequacyEntries reads it: recorded_at, then id (byte order).
  adequacy.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { taxonomy: known ? known.of(categories, uses) : new Taxonomy(categories, uses), settings, adequacy: adequacy.map(({ id: _id, ...entry }) => entry) };
}

/**
 * The organisation's shared facts, read at most once per request (one
 * statement) by whatever needs one of them first, and the taxonomy from them:
 * the one loader of each of these facts in a request.
 */
export function createOrganisationLoaders(m: EntityManager, settingKeys: readonly string[], known: KnownTaxonomy | null = null) {
  const organisationFacts = once(() => readOrganisationFacts(m, settingKeys, known));
  return { organisationFacts, taxonomy: once(async () => (await organisationFacts()).taxonomy) };
}

export type OrganisationLoaders = ReturnType<typeof createOrganisationLoaders>;
