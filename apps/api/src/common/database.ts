import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity, AuditHeadEntity, isSqlite } from '@canopy/persistence';
import { Clock, systemClock } from './clock';
import { withWriteRetry, WriteRetryOptions } from './write-retry';

/** A write's work: it runs inside one transaction and dates what it writes with `now`, the transaction's instant. */
export type WriteWork<T> = (tx: EntityManager, now: Date) => Promise<T>;

/**
 * The API's handle on its one database. Writes go through write(): one
 * transaction each. TypeORM's better-sqlite3 driver shares one connection and
 * cannot nest transactions (typeorm#8668), so on SQLite writes are queued in
 * process; on MySQL they run concurrently and rely on row locks, and a
 * transaction the server aborted (deadlock, lock wait timeout, Galera
 * certification) runs again whole (write-retry.ts).
 */
export class Database {
  private readonly writeQueue = new Mutex();
  readonly sqlite: boolean;

  constructor(
    readonly dataSource: DataSource,
    readonly clock: Clock = systemClock,
    private readonly retry: WriteRetryOptions = {},
  ) {
    this.sqlite = isSqlite(dataSource);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  write<T>(work: WriteWork<T>): Promise<T> {
    // Each attempt takes its own instant: a retried transaction is a new one.
    const run = async () => {
      const now = await this.writeInstant();
      return this.dataSource.transaction((tx) => work(tx, now));
    };
    return this.sqlite ? this.writeQueue.runExclusive(run) : withWriteRetry(run, this.retry);
  }

  /**
   * The instant of a write, taken as its transaction starts: the clock's,
   * but never earlier than the last committed audit event (every mutation
   * appends one), so history stays in order when API servers' clocks differ.
   * Read just before the transaction, not in it: on MySQL a first plain read
   * would fix the transaction's snapshot before the row locks it then waits
   * for, and it would read rows as they were before the writer it waited on.
   */
  private async writeInstant(): Promise<Date> {
    const now = this.clock.now();
    const last = await this.manager
      .createQueryBuilder(AuditEventEntity, 'e')
      .innerJoin(AuditHeadEntity, 'h', 'h.id = 1 AND h.seq = e.seq')
      .select(['e.seq', 'e.at'])
      .getOne();
    return last && last.at.getTime() > now.getTime() ? last.at : now;
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
