/** The contract's `ClauseTopic` enum, in the order Canopy lists clauses. */
export const CLAUSE_TOPICS = [
  'COLLECTION',
  'USE',
  'SHARING',
  'RETENTION',
  'ENCRYPTION',
  'RIGHT',
  'COMMUNICATION',
  'MINORS',
  'AMENDMENT',
] as const;
export type ClauseTopic = (typeof CLAUSE_TOPICS)[number];

export const RECIPIENTS = ['third_party', 'affiliate', 'public'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const RIGHTS = ['ACCESS', 'CORRECT', 'DELETE', 'EXPORT', 'UNSUBSCRIBE'] as const;
export type UserRight = (typeof RIGHTS)[number];

/** COMMUNICATION subjects: data-use keys of the channels users are contacted on. */
export const CHANNELS = ['marketing.email', 'marketing.push', 'announcement'] as const;
export type CommunicationChannel = (typeof CHANNELS)[number];

export const MINORS_SETTINGS = ['guardian_consent_age'] as const;
export const AMENDMENT_SETTINGS = ['notice_days'] as const;

export type PolicyScope = 'GLOBAL' | 'SERVICE';

/** Topics a SERVICE policy may not carry. */
export const GLOBAL_ONLY_TOPICS: readonly ClauseTopic[] = ['AMENDMENT'];

/** The topics a policy of `scope` may carry, in {@link CLAUSE_TOPICS} order. */
export function topicsFor(scope: PolicyScope): ClauseTopic[] {
  return CLAUSE_TOPICS.filter((topic) => scope === 'GLOBAL' || !GLOBAL_ONLY_TOPICS.includes(topic));
}
export type ClauseSource = 'GLOBAL' | 'SERVICE';

export function isClauseTopic(value: unknown): value is ClauseTopic {
  return typeof value === 'string' && (CLAUSE_TOPICS as readonly string[]).includes(value);
}

const TOPIC_ORDER = new Map<string, number>(CLAUSE_TOPICS.map((t, i) => [t, i]));

/** Position of the topic in {@link CLAUSE_TOPICS}, for stable ordering. */
export function topicOrder(topic: ClauseTopic): number {
  return TOPIC_ORDER.get(topic) ?? CLAUSE_TOPICS.length;
}

/** Stable order of clauses: topic order, then subject by code points. */
export function compareTopicSubject(
  a: { topic: ClauseTopic; subject: string },
  b: { topic: ClauseTopic; subject: string },
): number {
  return topicOrder(a.topic) - topicOrder(b.topic) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
}
