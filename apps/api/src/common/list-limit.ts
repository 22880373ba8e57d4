import { resultTooLarge } from './errors';

/**
 * The cap on lists that grow with the organisation and have no pages
 * (CANOPY_MAX_LIST_RESULTS, docs/reliability.md): above it they answer
 * RESULT_TOO_LARGE, naming what to use instead, rather than build the answer.
 */
export class ListLimit {
  constructor(readonly max: number) {}

  /** Refuses before the list is read when `count` (one cheap COUNT of the rows it would read) is above the cap. */
  async check(list: string, instead: string, count: () => Promise<number>): Promise<void> {
    if ((await count()) > this.max) throw resultTooLarge(list, this.max, instead);
  }
}

export const DEFAULT_MAX_LIST_RESULTS = 10_000;

/** What a feature's context needs of the application to cap its lists. */
export interface ListLimitApp {
  listLimit: ListLimit;
}
