import { WILDCARD, ancestorKeysOf, coversKey, parentKeyOf, strictlyCoversKey } from '../keys/taxonomy-key';
import { DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES } from './default-taxonomy';
import type { DataCategoryDefinition, DataUseDefinition, TaxonomyError, TaxonomyKind } from './types';
import { validateEntry } from './validate-entry';

export interface DataCategory {
  key: string;
  name: string;
  description: string | null;
  parentKey: string | null;
  sensitive: boolean;
}

export interface DataUse {
  key: string;
  name: string;
  description: string | null;
  parentKey: string | null;
}

/** Thrown when a taxonomy is built from entries that break its invariants. */
export class InvalidTaxonomyError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly errors: TaxonomyError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'InvalidTaxonomyError';
  }
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The data categories and data uses of an organisation: two trees of dot-path
 * keys. Immutable; officers' additions give a new instance (`withCategory`).
 *
 * Sensitivity: a category is sensitive when it or one of its ancestors is
 * flagged (a sub-category of location data is location data). It is never
 * inherited upwards: `device` is not sensitive because `device.location` is.
 *
 * "Concrete" subjects (DESIGN.md section 3, "each category"): every key,
 * parents included, because inventory items and arrangements may name any
 * key and a parent key has its own applicable clause.
 */
export class Taxonomy {
  private readonly categoryMap = new Map<string, DataCategory>();
  private readonly useMap = new Map<string, DataUse>();
  private readonly categoryList: DataCategory[];
  private readonly useList: DataUse[];
  private readonly flaggedSensitive: string[];
  private readonly childIndex = new Map<string, string[]>();

  constructor(categories: readonly DataCategoryDefinition[], uses: readonly DataUseDefinition[]) {
    const errors: TaxonomyError[] = [];
    for (const def of [...categories].sort(byKey)) {
      const found = validateEntry(def, { kind: 'category', has: (k) => this.categoryMap.has(k) });
      if (found.length) {
        errors.push(...found);
        continue;
      }
      this.categoryMap.set(def.key, {
        key: def.key,
        name: def.name,
        description: def.description ?? null,
        parentKey: parentKeyOf(def.key),
        sensitive: def.sensitive === true,
      });
    }
    for (const def of [...uses].sort(byKey)) {
      const found = validateEntry(def, { kind: 'use', has: (k) => this.useMap.has(k) });
      if (found.length) {
        errors.push(...found);
        continue;
      }
      this.useMap.set(def.key, { key: def.key, name: def.name, description: def.description ?? null, parentKey: parentKeyOf(def.key) });
    }
    if (errors.length) throw new InvalidTaxonomyError(errors);

    this.categoryList = [...this.categoryMap.values()];
    this.useList = [...this.useMap.values()];
    this.flaggedSensitive = this.categoryList
      .filter((c) => c.sensitive)
      .map((c) => c.key)
      .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
    for (const [prefix, list] of [
      ['c:', this.categoryList],
      ['u:', this.useList],
    ] as const) {
      for (const entry of list) {
        const id = prefix + (entry.parentKey ?? WILDCARD);
        const children = this.childIndex.get(id) ?? [];
        children.push(entry.key);
        this.childIndex.set(id, children);
      }
    }
  }

  /** The taxonomy Canopy ships (DESIGN.md section 1). */
  static default(): Taxonomy {
    return new Taxonomy(DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES);
  }

  hasCategory(key: string): boolean {
    return this.categoryMap.has(key);
  }

  hasUse(key: string): boolean {
    return this.useMap.has(key);
  }

  category(key: string): DataCategory | undefined {
    return this.categoryMap.get(key);
  }

  use(key: string): DataUse | undefined {
    return this.useMap.get(key);
  }

  /** All categories, ordered by key (parents before their children). */
  categories(): readonly DataCategory[] {
    return this.categoryList;
  }

  /** All uses, ordered by key (parents before their children). */
  uses(): readonly DataUse[] {
    return this.useList;
  }

  /** Every concrete category key: all keys, parents included (see class doc). */
  concreteCategories(): readonly string[] {
    return this.categoryList.map((c) => c.key);
  }

  /** Every concrete use key: all keys, parents included (see class doc). */
  concreteUses(): readonly string[] {
    return this.useList.map((u) => u.key);
  }

  /** The keys of `key`'s ancestors in the taxonomy, nearest first. */
  ancestorsOf(key: string, kind: TaxonomyKind = 'category'): string[] {
    const map = kind === 'category' ? this.categoryMap : this.useMap;
    return ancestorKeysOf(key).filter((k) => map.has(k));
  }

  /** Direct children of `key` (`*` = the roots), ordered by key. */
  childrenOf(key: string, kind: TaxonomyKind = 'category'): readonly string[] {
    return this.childIndex.get((kind === 'category' ? 'c:' : 'u:') + key) ?? [];
  }

  /** All keys strictly below `key` (`*` = every key), ordered by key. */
  descendantsOf(key: string, kind: TaxonomyKind = 'category'): string[] {
    const list = kind === 'category' ? this.categoryList : this.useList;
    return list.filter((e) => strictlyCoversKey(key, e.key)).map((e) => e.key);
  }

  /** Own flag or a flagged ancestor. Unknown keys and `*` are not sensitive. */
  isSensitive(key: string): boolean {
    return this.flaggedSensitive.some((flagged) => coversKey(flagged, key) && key !== WILDCARD);
  }

  /** Categories flagged sensitive themselves, shallowest first. */
  flaggedSensitiveCategories(): readonly string[] {
    return this.flaggedSensitive;
  }

  /**
   * True when a flagged sensitive category lies strictly below `ancestor` and
   * at or above `key`: a rule written on `ancestor` would reach sensitive data
   * in `key` without naming it.
   */
  hasSensitiveBetween(ancestor: string, key: string): boolean {
    return this.flaggedSensitive.some((flagged) => strictlyCoversKey(ancestor, flagged) && coversKey(flagged, key));
  }

  unknownCategories(keys: readonly string[]): string[] {
    return [...new Set(keys)].filter((k) => !this.categoryMap.has(k));
  }

  unknownUses(keys: readonly string[]): string[] {
    return [...new Set(keys)].filter((k) => !this.useMap.has(k));
  }

  /** Errors that adding this category would cause (empty when it can be added). */
  validateNewCategory(def: DataCategoryDefinition): TaxonomyError[] {
    return validateEntry(def, {
      kind: 'category',
      has: (k) => this.categoryMap.has(k),
      isSensitive: (k) => this.isSensitive(k),
    });
  }

  /** Errors that adding this use would cause (empty when it can be added). */
  validateNewUse(def: DataUseDefinition): TaxonomyError[] {
    return validateEntry(def, { kind: 'use', has: (k) => this.useMap.has(k) });
  }

  /** A new taxonomy with the category added; throws {@link InvalidTaxonomyError}. */
  withCategory(def: DataCategoryDefinition): Taxonomy {
    const errors = this.validateNewCategory(def);
    if (errors.length) throw new InvalidTaxonomyError(errors);
    return new Taxonomy([...this.categoryList, def], this.useList);
  }

  /** A new taxonomy with the use added; throws {@link InvalidTaxonomyError}. */
  withUse(def: DataUseDefinition): Taxonomy {
    const errors = this.validateNewUse(def);
    if (errors.length) throw new InvalidTaxonomyError(errors);
    return new Taxonomy(this.categoryList, [...this.useList, def]);
  }
}

function depth(key: string): number {
  return key.split('.').length;
}
