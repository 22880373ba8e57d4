import type { ClauseSource, ClauseTopic } from '../clauses/topics';
import type { PolicyClause } from '../clauses/types';

/** One policy version in force, as a layer of the precedence fold. */
export interface PolicyLayer {
  source: ClauseSource;
  policyKey: string;
  version: number;
  clauses: readonly PolicyClause[];
}

/** The contract's `Resolution`: which policy an officer decided takes precedence. */
export const CONFLICT_RESOLUTIONS = ['SERVICE_PREVAILS', 'GLOBAL_PREVAILS'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

/** The contract's `ConflictStatus`: SUPERSEDED is derived from time (a newer version of either side in force). */
export const CONFLICT_STATUSES = ['OPEN', 'RESOLVED', 'SUPERSEDED'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/**
 * A conflict of the pair in force, with its state as of the instant asked
 * about (see {@link conflictAsOf}). SUPERSEDED is derived from time and never
 * reaches the fold.
 */
export interface ConflictState {
  id: string;
  topic: ClauseTopic;
  subject: string;
  globalValue: string;
  serviceValue: string;
  status: 'OPEN' | 'RESOLVED';
  resolution?: ConflictResolution | null;
  rationale?: string | null;
  resolvedByEmail?: string | null;
  resolvedAt?: Date | null;
  carriedFromId?: string | null;
}

/**
 * Why an effective clause exists:
 * - NAMED: a layer names its (topic, subject);
 * - INTERSECTION: two layers name overlapping subjects neither of which covers
 *   the other (`*:marketing.email` and `user.contact.email:*`); their
 *   intersection is evaluated like a named subject, otherwise nearest-match
 *   (category depth first) would let one layer's clause silently weaken the
 *   other's on pairs neither names;
 * - SENSITIVE: added so a sensitive category is not weakened implicitly by a
 *   clause on one of its ancestors (DESIGN.md section 2), or restating what
 *   applies next to such a clause.
 */
export type EffectiveOrigin = 'NAMED' | 'INTERSECTION' | 'SENSITIVE';

export interface EffectiveClause {
  topic: ClauseTopic;
  subject: string;
  value: string;
  source: ClauseSource;
  policyKey: string;
  policyVersion: number;
  /** An OPEN conflict decided this clause for now (the general value applies). */
  pendingReview: boolean;
  conflictId: string | null;
  /** One sentence: why this value applies. */
  explanation: string;
  /** The subject of the policy clause the value comes from (differs when inherited). */
  clauseSubject: string;
  locked: boolean;
  text: string | null;
  origin: EffectiveOrigin;
}

export interface GovernedCategory {
  key: string;
  sensitive: boolean;
}

/** A weaker, unlocked service clause: a conflict to open (or to carry a resolution to). */
export interface ConflictCandidate {
  topic: ClauseTopic;
  subject: string;
  globalValue: string;
  serviceValue: string;
  /** The category of the subject and every category below it, sensitive ones marked (none for non-category topics). */
  governedCategories: GovernedCategory[];
  /** Subjects of the clauses that applied on each side (differ from `subject` when inherited). */
  globalSubject: string;
  serviceSubject: string;
}
