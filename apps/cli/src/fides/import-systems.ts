import type { ManifestProblem } from '../errors';
import type { InventoryItemManifest, ServiceManifest } from '../manifest/schema';
import { SLUG } from '../manifest/vocabulary';
import { FidesDeclaration, LEGAL_BASIS_FROM_FIDES } from './fideslang-schema';
import { FidesMapping, KIND_LABEL, TaxonomyKind } from './mapping';
import type { ParsedSystem } from './read-manifests';

/**
 * fideslang systems as drafts of Canopy services, through the mapping. A
 * system's fides_key is the service key with `_` turned into `-`. Its
 * privacy declarations become the inventory: one item per data category and
 * set of facts, with every data use declared for it as its purposes (an
 * export writes one declaration per item and purpose, numbered by
 * canopy.item, and they fold back into that item). What the manifest leaves
 * out stays out of the draft: resolve-unset.ts fills it from Canopy or
 * defaults, and lists it.
 */

export type ItemField = 'legalBasis' | 'source' | 'devicePermission' | 'encryption' | 'retentionDays' | 'publiclyVisible';
export const ITEM_FIELDS: readonly ItemField[] = ['legalBasis', 'source', 'devicePermission', 'encryption', 'retentionDays', 'publiclyVisible'];

export interface DraftItem {
  dataCategory: string;
  purposes: string[];
  dataSubjects: string[];
  /** The facts the manifest gives; a field left out is absent. */
  given: Partial<Pick<InventoryItemManifest, ItemField>>;
  /** fideslang's free-text retention_period, when given without canopy.retentionDays (shown, never parsed). */
  retentionPeriod?: string;
  /** Where its parts stand in the manifest (fideslang paths). */
  at: { declaration: string; dataCategory: string; purposes: string[]; fields: Partial<Record<ItemField, string>> };
}

export interface ServiceDraft {
  key: string;
  source: ParsedSystem;
  name?: string;
  team?: { key: string; from: 'manifest' | '--team' };
  description?: string;
  lifecycle?: ServiceManifest['spec']['lifecycle'];
  servesMinors?: boolean;
  securityMeasures?: { measures: string[]; at: string };
  items: DraftItem[];
}

/** A fideslang key the mapping does not map, where it stands. */
export interface UnmappedKey {
  kind: TaxonomyKind;
  key: string;
  reason: string;
  problem: ManifestProblem;
}

export interface DraftOptions {
  /** The team of systems whose manifest names none (--team). */
  team?: string;
}

export function draftServices(systems: readonly ParsedSystem[], mapping: FidesMapping, options: DraftOptions = {}): { drafts: ServiceDraft[]; unmapped: UnmappedKey[]; problems: ManifestProblem[] } {
  const drafts: ServiceDraft[] = [];
  const unmapped: UnmappedKey[] = [];
  const problems: ManifestProblem[] = [];
  const seen = new Map<string, ParsedSystem>();
  for (const parsed of systems) {
    const at = (path: string, message: string): ManifestProblem => ({ file: parsed.file, document: parsed.document, line: parsed.lineOf(path), path, message });
    const s = parsed.system;
    const key = s.fides_key.replace(/_/g, '-');
    if (!SLUG.test(key)) {
      problems.push(at(`${parsed.path}.fides_key`, `"${s.fides_key}" is not a service key once _ becomes - ("${key}"): lowercase letters, digits and dashes, starting with a letter, 2-63 characters`));
      continue;
    }
    const first = seen.get(key);
    if (first) {
      problems.push(at(`${parsed.path}.fides_key`, `system "${key}" is also defined in ${first.file} document ${first.document} (${first.path})`));
      continue;
    }
    seen.set(key, parsed);
    const canopy = s.canopy ?? {};
    const practices = s.data_security_practices?.trim();
    const items = draftItems(parsed, mapping, unmapped, problems, at);
    drafts.push({
      key,
      source: parsed,
      name: s.name?.trim() || undefined,
      team: canopy.team ? { key: canopy.team, from: 'manifest' } : options.team ? { key: options.team, from: '--team' } : undefined,
      description: s.description ?? undefined,
      lifecycle: canopy.lifecycle,
      servesMinors: canopy.servesMinors,
      securityMeasures: canopy.securityMeasures
        ? { measures: canopy.securityMeasures, at: `${parsed.path}.canopy.securityMeasures` }
        : practices
          ? { measures: [practices], at: `${parsed.path}.data_security_practices` }
          : undefined,
      items,
    });
  }
  return { drafts, unmapped, problems };
}

interface Mapped {
  value: string;
  path: string;
}

function draftItems(
  parsed: ParsedSystem,
  mapping: FidesMapping,
  unmapped: UnmappedKey[],
  problems: ManifestProblem[],
  at: (path: string, message: string) => ManifestProblem,
): DraftItem[] {
  const items = new Map<string, DraftItem>();
  const numbered = new Map<number, string>();
  const map = (kind: TaxonomyKind, fidesKey: string, path: string): Mapped | null => {
    const result = mapping.toCanopy(kind, fidesKey);
    if ('canopy' in result) return { value: result.canopy, path };
    unmapped.push({ kind, key: fidesKey, reason: result.unmapped, problem: at(path, `fideslang ${KIND_LABEL[kind]} "${fidesKey}" is not mapped to Canopy: ${result.unmapped}`) });
    return null;
  };
  parsed.system.privacy_declarations.forEach((d, i) => {
    const path = `${parsed.path}.privacy_declarations[${i}]`;
    const c = d.canopy ?? {};
    if (c.dataCategory && d.data_categories.length !== 1) {
      problems.push(at(`${path}.canopy.dataCategory`, `stands for one data category, but data_categories lists ${d.data_categories.length}`));
      return;
    }
    const purpose = c.purpose ? { value: c.purpose, path: `${path}.canopy.purpose` } : map('dataUses', d.data_use, `${path}.data_use`);
    const categories = c.dataCategory
      ? [{ value: c.dataCategory, path: `${path}.canopy.dataCategory` }]
      : d.data_categories.map((k, j) => map('dataCategories', k, `${path}.data_categories[${j}]`));
    const subjects = c.dataSubjects ?? d.data_subjects.map((k, j) => map('dataSubjects', k, `${path}.data_subjects[${j}]`)?.value).filter((v): v is string => v !== undefined);
    if (!purpose) return;
    const { given, fields } = factsOf(d, path);
    for (const category of categories) {
      if (!category) continue;
      const identity = c.item !== undefined ? `#${c.item}` : JSON.stringify([category.value, [...subjects].sort(), ...ITEM_FIELDS.map((f) => (f in given ? given[f] : '<unset>'))]);
      const signature = JSON.stringify([category.value, subjects, given]);
      const existing = items.get(identity);
      if (!existing) {
        if (c.item !== undefined) numbered.set(c.item, signature);
        const retentionPeriod = given.retentionDays === undefined ? d.retention_period?.trim() || undefined : undefined;
        items.set(identity, { dataCategory: category.value, purposes: [purpose.value], dataSubjects: subjects, given, retentionPeriod, at: { declaration: path, dataCategory: category.path, purposes: [purpose.path], fields } });
      } else if (c.item !== undefined && numbered.get(c.item) !== signature) {
        problems.push(at(`${path}.canopy.item`, `declares item ${c.item} with other facts (data category, data subjects, legal basis, source, encryption, retention...) than an earlier declaration of that item`));
      } else if (!existing.purposes.includes(purpose.value)) {
        existing.purposes.push(purpose.value);
        existing.at.purposes.push(purpose.path);
      }
    }
  });
  return [...items.values()];
}

/** The item facts a declaration gives: fideslang's legal basis, and the rest from its canopy key. */
function factsOf(d: FidesDeclaration, path: string): { given: DraftItem['given']; fields: DraftItem['at']['fields'] } {
  const given: DraftItem['given'] = {};
  const fields: DraftItem['at']['fields'] = {};
  if (d.legal_basis_for_processing) {
    given.legalBasis = LEGAL_BASIS_FROM_FIDES[d.legal_basis_for_processing];
    fields.legalBasis = `${path}.legal_basis_for_processing`;
  }
  const c = d.canopy ?? {};
  for (const field of ['source', 'devicePermission', 'encryption', 'retentionDays', 'publiclyVisible'] as const) {
    if (c[field] === undefined) continue;
    (given as Record<string, unknown>)[field] = c[field];
    fields[field] = `${path}.canopy.${field}`;
  }
  return { given, fields };
}
