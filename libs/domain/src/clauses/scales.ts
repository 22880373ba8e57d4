import type { ClauseTopic } from './topics';

export type Comparison = 'STRICTER' | 'EQUAL' | 'WEAKER';

export const PERMISSION_SCALE = ['PROHIBITED', 'CONSENT', 'ALLOWED'] as const;
export type PermissionValue = (typeof PERMISSION_SCALE)[number];
export const ENCRYPTION_SCALE = ['AT_REST_AND_IN_TRANSIT', 'IN_TRANSIT', 'NONE'] as const;
export type EncryptionLevel = (typeof ENCRYPTION_SCALE)[number];
export const RIGHT_SCALE = ['GRANTED', 'NOT_GRANTED'] as const;
export const COMMUNICATION_SCALE = ['OPT_IN', 'OPT_OUT', 'MANDATORY'] as const;
export const UNLIMITED = 'UNLIMITED';

/**
 * Largest whole number accepted on the numeric scales (days or years): the
 * GraphQL `Int` range, so a value always fits the contract and the database.
 */
export const MAX_SCALE_NUMBER = 2_147_483_647;

/** An ordered scale: `rank` is lower for more protective values. */
export interface Scale {
  readonly kind: 'ordinal' | 'numeric';
  /** Ordinal values, most protective first (empty for numeric scales). */
  readonly values: readonly string[];
  /** Human description, for error messages. */
  readonly description: string;
  /** Numeric scales: what the number counts (`days`, `years`); null for ordinal scales. */
  readonly unit: string | null;
  readonly leastProtective: string;
  rank(value: string): number | undefined;
}

function ordinal(values: readonly string[]): Scale {
  const index = new Map(values.map((v, i) => [v, i]));
  return {
    kind: 'ordinal',
    values,
    unit: null,
    description: `one of ${values.join(' > ')} (most protective first)`,
    leastProtective: values[values.length - 1],
    rank: (value) => index.get(value),
  };
}

const WHOLE_NUMBER = /^(0|[1-9][0-9]{0,9})$/;

function parseWhole(value: string): number | undefined {
  if (!WHOLE_NUMBER.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_SCALE_NUMBER ? n : undefined;
}

/**
 * Numeric scales take canonical whole numbers ("30", not "030" or "30.0").
 * `fewerIsStricter`: RETENTION days (plus `UNLIMITED` = infinity, the least
 * protective); otherwise more is stricter (MINORS years, AMENDMENT days),
 * and 0 is the least protective.
 */
function numeric(fewerIsStricter: boolean, unit: string): Scale {
  return {
    kind: 'numeric',
    values: [],
    unit,
    description: fewerIsStricter
      ? `whole ${unit} (0-${MAX_SCALE_NUMBER}, fewer is stricter) or ${UNLIMITED}`
      : `whole ${unit} (0-${MAX_SCALE_NUMBER}, more is stricter)`,
    leastProtective: fewerIsStricter ? UNLIMITED : '0',
    rank: (value) => {
      if (fewerIsStricter && value === UNLIMITED) return Number.POSITIVE_INFINITY;
      const n = parseWhole(value);
      if (n === undefined) return undefined;
      return fewerIsStricter ? n : -n;
    },
  };
}

export const SCALES: Readonly<Record<ClauseTopic, Scale>> = {
  COLLECTION: ordinal(PERMISSION_SCALE),
  USE: ordinal(PERMISSION_SCALE),
  SHARING: ordinal(PERMISSION_SCALE),
  RETENTION: numeric(true, 'days'),
  ENCRYPTION: ordinal(ENCRYPTION_SCALE),
  RIGHT: ordinal(RIGHT_SCALE),
  COMMUNICATION: ordinal(COMMUNICATION_SCALE),
  MINORS: numeric(false, 'years'),
  AMENDMENT: numeric(false, 'days'),
};

export function isOnScale(topic: ClauseTopic, value: string): boolean {
  return typeof value === 'string' && SCALES[topic]?.rank(value) !== undefined;
}

/** Thrown when a value is compared that is not on its topic's scale. */
export class ValueOffScaleError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly topic: ClauseTopic,
    readonly value: string,
  ) {
    super(`"${value}" is not on the ${topic} scale: ${SCALES[topic]?.description ?? 'unknown topic'}`);
    this.name = 'ValueOffScaleError';
  }
}

/** Protection rank: lower is more protective. Throws {@link ValueOffScaleError}. */
export function protectionRank(topic: ClauseTopic, value: string): number {
  const rank = SCALES[topic]?.rank(value);
  if (rank === undefined) throw new ValueOffScaleError(topic, value);
  return rank;
}

/** `a` relative to `b` on the topic's scale. Throws {@link ValueOffScaleError}. */
export function compareValues(topic: ClauseTopic, a: string, b: string): Comparison {
  const ra = protectionRank(topic, a);
  const rb = protectionRank(topic, b);
  return ra < rb ? 'STRICTER' : ra > rb ? 'WEAKER' : 'EQUAL';
}

export function isWeaker(topic: ClauseTopic, a: string, b: string): boolean {
  return compareValues(topic, a, b) === 'WEAKER';
}

/** True for the last value of the scale (`ALLOWED`, `NONE`, `UNLIMITED`, `0` years...). */
export function isLeastProtective(topic: ClauseTopic, value: string): boolean {
  return protectionRank(topic, value) === protectionRank(topic, SCALES[topic].leastProtective);
}

/** The more protective of two values (the first when equal). */
export function stricterOf(topic: ClauseTopic, a: string, b: string): string {
  return compareValues(topic, b, a) === 'STRICTER' ? b : a;
}
