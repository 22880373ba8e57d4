import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

export interface QueryTally {
  statements: number;
}

const currentTally = new AsyncLocalStorage<QueryTally>();

/** Runs fn with a fresh tally that counts every SQL statement issued inside it. */
export function countQueriesIn<T>(tally: QueryTally, fn: () => T): T {
  return currentTally.run(tally, fn);
}

/**
 * A TypeORM logger that counts statements (per request, through
 * AsyncLocalStorage, and in total) and forwards failures to a sink. TypeORM
 * calls logQuery for every statement whatever the `logging` option says.
 */
export class QueryCountingLogger implements Logger {
  total = 0;

  /**
   * `requestTally` finds the tally of the request in flight: a server that already keeps a per-request
   * scope passes its own, so requests pay for one AsyncLocalStorage, not two. Outside a request, the
   * statements count into the tally countQueriesIn runs, if any.
   */
  constructor(
    private readonly onError: (message: string) => void = () => undefined,
    private readonly requestTally: () => QueryTally | undefined = () => undefined,
  ) {}

  logQuery(): void {
    this.total++;
    const tally = this.requestTally() ?? currentTally.getStore();
    if (tally) tally.statements++;
  }

  logQueryError(error: string | Error, query: string): void {
    this.onError(`query failed: ${error instanceof Error ? error.message : error} -- ${query.slice(0, 200)}`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
