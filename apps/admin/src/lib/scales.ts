/**
 * The clause scales of DESIGN.md section 1, most protective first, so the
 * draft editor offers exactly the values the API accepts and the console can
 * say which way a value moves.
 */
export type ClauseTopic = 'COLLECTION' | 'USE' | 'SHARING' | 'RETENTION' | 'ENCRYPTION' | 'RIGHT' | 'COMMUNICATION' | 'MINORS' | 'AMENDMENT';

export const TOPICS: readonly ClauseTopic[] = ['COLLECTION', 'USE', 'SHARING', 'RETENTION', 'ENCRYPTION', 'RIGHT', 'COMMUNICATION', 'MINORS', 'AMENDMENT'];

export interface TopicScale {
  topic: ClauseTopic;
  /** Ordered values, most protective first; empty for numeric scales. */
  values: readonly string[];
  /** Numeric scales: 'fewer' (retention days) or 'more' (ages, notice days) is stricter. */
  numeric?: { stricter: 'fewer' | 'more'; unit: string; unlimited?: string };
  subjectHelp: string;
  /** Fixed subjects, when the topic has a closed list. */
  subjects?: readonly string[];
  globalOnly?: boolean;
}

const PERMISSION = ['PROHIBITED', 'CONSENT', 'ALLOWED'] as const;

export const SCALES: Record<ClauseTopic, TopicScale> = {
  COLLECTION: { topic: 'COLLECTION', values: PERMISSION, subjectHelp: 'A data category, e.g. device.location, or * for all' },
  USE: { topic: 'USE', values: PERMISSION, subjectHelp: '<category>:<use>, e.g. user.contact.email:marketing.email; * for all' },
  SHARING: { topic: 'SHARING', values: PERMISSION, subjectHelp: '<category>:<recipient>, recipient third_party, affiliate or public' },
  RETENTION: {
    topic: 'RETENTION',
    values: [],
    numeric: { stricter: 'fewer', unit: 'days', unlimited: 'UNLIMITED' },
    subjectHelp: 'A data category, or * for all',
  },
  ENCRYPTION: { topic: 'ENCRYPTION', values: ['AT_REST_AND_IN_TRANSIT', 'IN_TRANSIT', 'NONE'], subjectHelp: 'A data category, or * for all' },
  RIGHT: {
    topic: 'RIGHT',
    values: ['GRANTED', 'NOT_GRANTED'],
    subjectHelp: 'A user right',
    subjects: ['ACCESS', 'CORRECT', 'DELETE', 'EXPORT', 'UNSUBSCRIBE'],
  },
  COMMUNICATION: {
    topic: 'COMMUNICATION',
    values: ['OPT_IN', 'OPT_OUT', 'MANDATORY'],
    subjectHelp: 'A channel',
    subjects: ['marketing.email', 'marketing.push', 'announcement'],
  },
  MINORS: { topic: 'MINORS', values: [], numeric: { stricter: 'more', unit: 'years' }, subjectHelp: 'The setting', subjects: ['guardian_consent_age'] },
  AMENDMENT: {
    topic: 'AMENDMENT',
    values: [],
    numeric: { stricter: 'more', unit: 'days' },
    subjectHelp: 'The setting (global policies only)',
    subjects: ['notice_days'],
    globalOnly: true,
  },
};

export type Comparison = 'STRICTER' | 'EQUAL' | 'WEAKER';

function rank(topic: ClauseTopic, value: string): number {
  const scale = SCALES[topic];
  if (scale.numeric) {
    if (scale.numeric.unlimited && value === scale.numeric.unlimited) return Number.POSITIVE_INFINITY;
    const n = Number(value);
    if (!Number.isFinite(n)) return Number.NaN;
    return scale.numeric.stricter === 'fewer' ? n : -n;
  }
  const i = scale.values.indexOf(value);
  return i < 0 ? Number.NaN : i;
}

/** How `value` compares with `reference` on the topic's scale (lower rank is more protective). */
export function compareValues(topic: ClauseTopic, value: string, reference: string): Comparison | null {
  const a = rank(topic, value);
  const b = rank(topic, reference);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  if (a === b) return 'EQUAL';
  return a < b ? 'STRICTER' : 'WEAKER';
}

/** Checks a value against its topic's scale, as the API will: returns the problem in words, or null. */
export function valueProblem(topic: ClauseTopic, value: string): string | null {
  const scale = SCALES[topic];
  if (!value.trim()) return 'Choose a value.';
  if (scale.numeric) {
    if (scale.numeric.unlimited && value === scale.numeric.unlimited) return null;
    if (!/^\d+$/.test(value)) return `Enter a whole number of ${scale.numeric.unit}${scale.numeric.unlimited ? ` or ${scale.numeric.unlimited}` : ''}.`;
    return null;
  }
  return scale.values.includes(value) ? null : `Choose one of ${scale.values.join(', ')}.`;
}

export function formatValue(topic: ClauseTopic, value: string): string {
  const scale = SCALES[topic];
  if (scale.numeric && /^\d+$/.test(value)) return `${value} ${scale.numeric.unit}`;
  return value.replace(/_/g, ' ');
}
