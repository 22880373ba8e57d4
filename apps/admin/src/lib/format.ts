import { SCALES, isClauseTopic } from '@canopy/domain';

/** Dates are shown in UTC, like the audit log stores them, so two reviewers read the same instant. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "3 services", or "3 services match the filters" when a filter is on. */
export function countMatching(n: number, word: string, filtered: boolean): string {
  return `${plural(n, word)}${filtered ? (n === 1 ? ' matches the filters' : ' match the filters') : ''}`;
}

/** Mantine's date pickers speak "YYYY-MM-DD HH:mm:ss" in UTC here; the API speaks ISO-8601. */
export function pickerToIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function isoToPicker(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 19).replace('T', ' ');
}

const TYPED_INSTANT = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(?:UTC|Z)?\s*$/i;

/**
 * What a person typed into a date field, in the console's one format
 * (`2026-11-29` or `2026-11-29 10:00`, UTC), as the pickers' value
 * (`YYYY-MM-DD HH:mm:ss`); null when it is not a real date and time.
 */
export function parseTypedInstant(text: string): string | null {
  const m = TYPED_INSTANT.exec(text);
  if (!m) return null;
  const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const real = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) && date.getUTCHours() === Number(h) && date.getUTCMinutes() === Number(mi);
  return real ? date.toISOString().slice(0, 19).replace('T', ' ') : null;
}

/** A clause value with its scale's unit: `180 days`, `1 day`, `UNLIMITED`, `OPT_IN`. */
export function withUnit(value: string | null | undefined, unit: string | null | undefined): string {
  if (value == null || value === '') return '—';
  if (!unit || !/^\d+$/.test(value)) return value;
  return plural(Number(value), unit.replace(/s$/, ''), unit);
}

/** A clause's value with the unit of its topic's scale: RETENTION `180 days`, MINORS `16 years`. */
export function clauseValue(topic: string, value: string | null | undefined): string {
  return withUnit(value, isClauseTopic(topic) ? SCALES[topic].unit : null);
}

/** The argument names of the API, said as a person would. */
const ARGUMENT_WORDS: Record<string, string> = {
  effectiveAt: 'effective date',
  noticeAt: 'notice date',
  plannedEffectiveAt: 'planned effective date',
  expiresAt: 'expiry date',
  dpaSignedAt: 'DPA signing date',
  dpaExpiresAt: 'DPA expiry date',
  dataCategory: 'data category',
  dataCategories: 'data categories',
  dataSubjects: 'data subjects',
  legalBasis: 'legal basis',
  retentionDays: 'retention days',
  devicePermission: 'device permission',
  publiclyVisible: 'publicly visible',
};

const ROW_NOUNS: Record<string, string> = { clauses: 'clause', items: 'item', recipients: 'recipient', channels: 'channel' };
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})\b/g;
/** `clauses[2].subject: clauses[2].subject: x` said once. */
const DOUBLED_PATH = /\b([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+(?:\[\d+\])?)*): \1: /g;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `Conflict 1b2c…` in a sentence shown on that conflict's own page: `This conflict`. */
const NAMED_BY_ID = new RegExp(`\\b(conflict|sharing arrangement|arrangement|notice|version|finding)\\s+${UUID}\\b`, 'gi');
const ROW_PATH = /\b([A-Za-z]+)\[(\d+)\](?:\.([A-Za-z]+))?/g;

/**
 * An argument path of the API (`clauses[2].subject`, `notice.noticeAt`) as
 * people count and name things: `clause 3, subject`, `notice date`.
 */
export function argumentInWords(path: string): string {
  return path
    .replace(ROW_PATH, (_, list: string, index: string, field?: string) => {
      const noun = ROW_NOUNS[list] ?? list;
      return `${noun} ${Number(index) + 1}${field ? `, ${ARGUMENT_WORDS[field] ?? field}` : ''}`;
    })
    .split('.')
    .map((part) => ARGUMENT_WORDS[part] ?? part)
    .join(', ')
    .replace(/^notice, /, '');
}

/**
 * A sentence of the server made fit to show: no doubled path prefix, rows
 * counted from 1, instants in the console's one date format, argument names
 * in words, an object named by its id said as "this conflict" (the sentence
 * is shown on that object's page, next to the action that failed), a capital
 * first letter and a full stop at the end.
 */
export function inWords(message: string): string {
  let text = message
    .replace(DOUBLED_PATH, '$1: ')
    .replace(ISO_INSTANT, (iso) => formatDateTime(iso))
    .replace(NAMED_BY_ID, (_, noun: string) => `this ${noun.toLowerCase()}`);
  text = text.replace(/\b[A-Za-z]+\[\d+\](?:\.[A-Za-z]+)?/g, (path) => argumentInWords(path));
  text = text.replace(/\b(effectiveAt|noticeAt|plannedEffectiveAt|expiresAt|dpaSignedAt|dpaExpiresAt)\b/g, (name) => ARGUMENT_WORDS[name]);
  text = text.trim();
  if (!text) return text;
  text = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A piece of a sentence: words, or an object the sentence names by id, to be linked to its page. */
export type SentencePart = { text: string } | { text: string; link: string };

const LINKED_BY_ID = new RegExp(`\\b(conflict|sharing arrangement|arrangement)\\s+(${UUID})\\b`, 'gi');
const PAGE_OF: Record<string, string> = { conflict: '/conflicts/', arrangement: '/sharing/', 'sharing arrangement': '/sharing/' };

/**
 * A server sentence that names objects by id (`approved arrangement 1b2c…
 * with processor x`, `conflict 1b2c… on RETENTION x`): the ids become links
 * named by what they are (`arrangement`, `conflict`), instants are said in
 * the console's date format.
 */
export function sentenceParts(message: string): SentencePart[] {
  const parts: SentencePart[] = [];
  let last = 0;
  const words = (text: string) => text.replace(ISO_INSTANT, (iso) => formatDateTime(iso));
  for (const m of message.matchAll(LINKED_BY_ID)) {
    if (m.index > last) parts.push({ text: words(message.slice(last, m.index)) });
    parts.push({ text: m[1], link: `${PAGE_OF[m[1].toLowerCase()]}${m[2]}` });
    last = m.index + m[0].length;
  }
  if (last < message.length) parts.push({ text: words(message.slice(last)) });
  return parts;
}
