import { WILDCARD, ancestorKeysOf, coversKey, isValidTaxonomyKey, keyDepth } from '../keys/taxonomy-key';
import {
  AMENDMENT_SETTINGS,
  CHANNELS,
  type ClauseTopic,
  MINORS_SETTINGS,
  RECIPIENTS,
  RIGHTS,
  type Recipient,
  isClauseTopic,
} from './topics';

/**
 * One component of a subject. `tree`: a taxonomy key (category or use) or
 * `*`. `flat`: one of a fixed list of names, with `*` only where allowed.
 */
type Dimension =
  | { kind: 'tree'; of: 'category' | 'use' }
  | { kind: 'flat'; names: readonly string[]; wildcard: boolean; label: string };

const CATEGORY: Dimension = { kind: 'tree', of: 'category' };
const USE: Dimension = { kind: 'tree', of: 'use' };
const flat = (names: readonly string[], label: string, wildcard = false): Dimension => ({ kind: 'flat', names, wildcard, label });

/**
 * Subject grammar per topic (DESIGN.md section 1). Decisions where it is silent:
 * - `*` stands for a category or a use only; a SHARING recipient must be named
 *   (`third_party`, `affiliate`, `public`), RIGHT, MINORS and AMENDMENT subjects too.
 * - COMMUNICATION subjects name a channel, which is a data use, so `*` (every
 *   channel) is accepted there.
 * - No whitespace anywhere: subjects are compared as exact strings.
 */
const GRAMMAR: Readonly<Record<ClauseTopic, readonly Dimension[]>> = {
  COLLECTION: [CATEGORY],
  USE: [CATEGORY, USE],
  SHARING: [CATEGORY, flat(RECIPIENTS, 'recipient')],
  RETENTION: [CATEGORY],
  ENCRYPTION: [CATEGORY],
  RIGHT: [flat(RIGHTS, 'right')],
  COMMUNICATION: [flat(CHANNELS, 'channel', true)],
  MINORS: [flat(MINORS_SETTINGS, 'setting')],
  AMENDMENT: [flat(AMENDMENT_SETTINGS, 'setting')],
};

const SHAPES: Readonly<Record<ClauseTopic, string>> = {
  COLLECTION: '<category>',
  USE: '<category>:<use>',
  SHARING: '<category>:<recipient> with recipient third_party, affiliate or public',
  RETENTION: '<category>',
  ENCRYPTION: '<category>',
  RIGHT: RIGHTS.join(', '),
  COMMUNICATION: `${CHANNELS.join(', ')} or *`,
  MINORS: MINORS_SETTINGS.join(', '),
  AMENDMENT: AMENDMENT_SETTINGS.join(', '),
};

export interface ParsedSubject {
  topic: ClauseTopic;
  text: string;
  /** The components, as written (one, or two joined by `:`). */
  parts: readonly string[];
  /** The category component (COLLECTION, USE, SHARING, RETENTION, ENCRYPTION), `*` allowed. */
  category: string | null;
  use: string | null;
  recipient: Recipient | null;
  /** The single name of a RIGHT, COMMUNICATION, MINORS or AMENDMENT subject. */
  name: string | null;
}

export type SubjectParseResult = { ok: true; subject: ParsedSubject } | { ok: false; reason: string };

/** Topics whose subject is one data category key (COLLECTION, RETENTION, ENCRYPTION). */
export function isCategorySubject(topic: ClauseTopic): boolean {
  return GRAMMAR[topic].length === 1 && GRAMMAR[topic][0] === CATEGORY;
}

/** Topics whose subjects name a data category. */
export function topicHasCategory(topic: ClauseTopic): boolean {
  return GRAMMAR[topic][0] === CATEGORY;
}

export function subjectShape(topic: ClauseTopic): string {
  return SHAPES[topic];
}

/**
 * The whole list of subjects a topic accepts when it names no category
 * (RIGHT, COMMUNICATION with `*`, MINORS, AMENDMENT); null when the subject
 * is built from taxonomy keys.
 */
export function fixedSubjectsOf(topic: ClauseTopic): readonly string[] | null {
  const dims = GRAMMAR[topic];
  if (dims.length !== 1 || dims[0].kind !== 'flat') return null;
  return dims[0].wildcard ? [...dims[0].names, WILDCARD] : dims[0].names;
}

/**
 * Syntax of a subject for its topic. Taxonomy membership of the keys is not
 * checked here (see `validateClauseSet`).
 */
export function parseSubject(topic: ClauseTopic, text: string): SubjectParseResult {
  if (!isClauseTopic(topic)) return { ok: false, reason: `unknown topic "${String(topic)}"` };
  if (typeof text !== 'string') return { ok: false, reason: 'subject must be a string' };
  const dims = GRAMMAR[topic];
  const parts = text.split(':');
  const malformed = (why: string): SubjectParseResult => ({
    ok: false,
    reason: `malformed ${topic} subject "${text}": ${why}; expected ${SHAPES[topic]}`,
  });
  if (parts.length !== dims.length) return malformed(`${parts.length} part(s) where ${dims.length} expected`);
  for (let i = 0; i < dims.length; i++) {
    const dim = dims[i];
    const part = parts[i];
    if (dim.kind === 'tree') {
      if (part !== WILDCARD && !isValidTaxonomyKey(part)) return malformed(`"${part}" is not a ${dim.of} key or *`);
    } else if (!(dim.names.includes(part) || (dim.wildcard && part === WILDCARD))) {
      return malformed(`"${part}" is not a ${dim.label}`);
    }
  }
  const hasCategory = dims[0] === CATEGORY;
  return {
    ok: true,
    subject: {
      topic,
      text,
      parts,
      category: hasCategory ? parts[0] : null,
      use: topic === 'USE' ? parts[1] : null,
      recipient: topic === 'SHARING' ? (parts[1] as Recipient) : null,
      name: hasCategory ? null : parts[0],
    },
  };
}

const PARSED_CACHE_LIMIT = 50_000;
const parsedCache = new Map<string, ParsedSubject>();

/**
 * Parses or throws {@link MalformedSubjectError}; for subjects already
 * validated. Memoised (the fold parses the same few subjects many times);
 * the returned object is shared and frozen.
 */
export function parseSubjectOrThrow(topic: ClauseTopic, text: string): ParsedSubject {
  const key = `${topic} ${text}`;
  const hit = parsedCache.get(key);
  if (hit) return hit;
  const result = parseSubject(topic, text);
  if (!result.ok) throw new MalformedSubjectError(topic, text, result.reason);
  if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.clear();
  const frozen = Object.freeze({ ...result.subject, parts: Object.freeze([...result.subject.parts]) });
  parsedCache.set(key, frozen);
  return frozen;
}

export class MalformedSubjectError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly topic: ClauseTopic,
    readonly subject: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'MalformedSubjectError';
  }
}

function dimCovers(dim: Dimension, general: string, specific: string): boolean {
  if (dim.kind === 'tree') return coversKey(general, specific);
  return general === specific || (dim.wildcard && general === WILDCARD);
}

function dimDepth(dim: Dimension, part: string): number {
  return dim.kind === 'tree' ? keyDepth(part) : part === WILDCARD ? 0 : 1;
}

/** True when a clause on `general` reaches `specific` (same topic, parts from `ParsedSubject.parts`). */
export function subjectCovers(topic: ClauseTopic, general: readonly string[], specific: readonly string[]): boolean {
  const dims = GRAMMAR[topic];
  return dims.every((dim, i) => dimCovers(dim, general[i], specific[i]));
}

/** Depth per component, `*` = 0: compare category depth first, then the second one. */
export function subjectSpecificity(topic: ClauseTopic, parts: readonly string[]): number[] {
  return GRAMMAR[topic].map((dim, i) => dimDepth(dim, parts[i]));
}

function dimCandidates(dim: Dimension, part: string): string[] {
  if (part === WILDCARD) return [WILDCARD];
  if (dim.kind === 'tree') return [part, ...ancestorKeysOf(part), WILDCARD];
  return dim.wildcard ? [part, WILDCARD] : [part];
}

/**
 * Every subject text that covers `parts`, nearest first: category depth
 * first, then use or recipient depth (DESIGN.md section 1).
 */
export function coveringSubjects(topic: ClauseTopic, parts: readonly string[]): string[] {
  const dims = GRAMMAR[topic];
  const first = dimCandidates(dims[0], parts[0]);
  if (dims.length === 1) return first;
  const second = dimCandidates(dims[1], parts[1]);
  const out: string[] = [];
  for (const a of first) for (const b of second) out.push(`${a}:${b}`);
  return out;
}

/**
 * The most general subject both `a` and `b` cover (per component the deeper
 * one), or null when no concrete subject lies under both. When one covers the
 * other, that is the more specific of the two.
 */
export function meetOfSubjects(topic: ClauseTopic, a: readonly string[], b: readonly string[]): string | null {
  const dims = GRAMMAR[topic];
  const parts: string[] = [];
  for (let i = 0; i < dims.length; i++) {
    if (dimCovers(dims[i], a[i], b[i])) parts.push(b[i]);
    else if (dimCovers(dims[i], b[i], a[i])) parts.push(a[i]);
    else return null;
  }
  return parts.join(':');
}
