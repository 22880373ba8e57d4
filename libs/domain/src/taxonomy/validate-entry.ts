import { TAXONOMY_KEY_MAX_LENGTH, isValidTaxonomyKey, parentKeyOf } from '../keys/taxonomy-key';
import type { TaxonomyError, TaxonomyErrorCode, TaxonomyKind } from './types';

export interface EntryCandidate {
  key: string;
  name: string;
  parentKey?: string | null;
  sensitive?: boolean;
}

export interface EntryContext {
  kind: TaxonomyKind;
  has(key: string): boolean;
  /** Own or inherited sensitivity of an existing category (categories only). */
  isSensitive?(key: string): boolean;
}

/**
 * Validates one new taxonomy entry against the existing keys. Root keys
 * (one segment) need no parent; every other key needs its prefix to exist
 * already, so every prefix of a key is itself a key.
 *
 * Decision: a sub-category of a sensitive category must be flagged sensitive
 * too (`SENSITIVE_PARENT`), so the stored flag always tells the truth.
 */
export function validateEntry(entry: EntryCandidate, ctx: EntryContext): TaxonomyError[] {
  const errors: TaxonomyError[] = [];
  const key = entry.key;
  const push = (code: TaxonomyErrorCode, field: TaxonomyError['field'], message: string) =>
    errors.push({ code, kind: ctx.kind, field, key, message });

  if (typeof entry.name !== 'string' || entry.name.trim() === '') {
    push('NAME_REQUIRED', 'name', `data ${ctx.kind} "${key}" needs a non-blank name`);
  }
  if (!isValidTaxonomyKey(key)) {
    push(
      'INVALID_KEY',
      'key',
      `"${key}" is not a valid ${ctx.kind} key: dot path of segments [a-z][a-z0-9_]*, at most ${TAXONOMY_KEY_MAX_LENGTH} characters`,
    );
    return errors;
  }
  if (ctx.has(key)) push('DUPLICATE_KEY', 'key', `data ${ctx.kind} "${key}" already exists`);

  const parent = parentKeyOf(key);
  const given = entry.parentKey ?? null;
  if (entry.parentKey !== undefined && given !== parent) {
    push('PARENT_MISMATCH', 'parentKey', `parent of "${key}" is "${parent ?? '(none)'}", not "${given ?? '(none)'}"`);
  }
  if (parent !== null && !ctx.has(parent)) {
    push('PARENT_NOT_FOUND', 'parentKey', `parent data ${ctx.kind} "${parent}" of "${key}" does not exist`);
  } else if (parent !== null && ctx.kind === 'category' && ctx.isSensitive?.(parent) && entry.sensitive !== true) {
    push('SENSITIVE_PARENT', 'sensitive', `"${key}" is under sensitive category "${parent}" and must be sensitive too`);
  }
  return errors;
}
