/**
 * Taxonomy keys (data categories and data uses) are dot paths of lowercase
 * segments, each `[a-z][a-z0-9_]*`, e.g. `user.contact.email`.
 *
 * Decision (DESIGN.md is silent): a key is at most {@link TAXONOMY_KEY_MAX_LENGTH}
 * characters, so that it fits an indexed column on every supported database.
 */
export const TAXONOMY_SEGMENT_PATTERN = /^[a-z][a-z0-9_]*$/;
export const TAXONOMY_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
export const TAXONOMY_KEY_MAX_LENGTH = 128;

/** `*` stands for every category (or every use) inside a clause subject. */
export const WILDCARD = '*';

export function isValidTaxonomyKey(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= TAXONOMY_KEY_MAX_LENGTH &&
    TAXONOMY_KEY_PATTERN.test(value)
  );
}

/** Number of segments; the wildcard `*` has depth 0. */
export function keyDepth(key: string): number {
  if (key === WILDCARD) return 0;
  let depth = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 46 /* . */) depth++;
  return depth;
}

/** The parent key (`user.contact` for `user.contact.email`), or null for a root key. */
export function parentKeyOf(key: string): string | null {
  const dot = key.lastIndexOf('.');
  return dot < 0 ? null : key.slice(0, dot);
}

/** Every proper prefix of `key`, nearest first (`user.contact`, `user`). */
export function ancestorKeysOf(key: string): string[] {
  const out: string[] = [];
  let parent = parentKeyOf(key);
  while (parent !== null) {
    out.push(parent);
    parent = parentKeyOf(parent);
  }
  return out;
}

/**
 * True when `ancestor` is `key` itself, one of its prefixes, or the wildcard.
 * A wildcard `key` is covered only by the wildcard.
 */
export function coversKey(ancestor: string, key: string): boolean {
  if (ancestor === WILDCARD) return true;
  if (key === WILDCARD) return false;
  return key === ancestor || (key.length > ancestor.length && key.startsWith(ancestor) && key.charCodeAt(ancestor.length) === 46);
}

/** True when `ancestor` covers `key` and differs from it. */
export function strictlyCoversKey(ancestor: string, key: string): boolean {
  return ancestor !== key && coversKey(ancestor, key);
}
