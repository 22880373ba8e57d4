import type { ClauseTopic } from './topics';

/** The minimum a clause needs for matching and comparison. */
export interface ClauseLike {
  topic: ClauseTopic;
  subject: string;
  value: string;
}

/** A clause as drafted or published (`ClauseInput` / `PolicyClause`). */
export interface PolicyClause extends ClauseLike {
  /** GLOBAL only: a service policy may not weaken it. */
  locked?: boolean | null;
  text?: string | null;
}
