import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { isSqlite } from '@canopy/persistence';
import { withWriteRetry, WriteRetryOptions } from './write-retry';

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
    private readonly retry: WriteRetryOptions = {},
  ) {
    this.sqlite = isSqlite(dataSource);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    return this.sqlite ? this.writeQueue.runExclusive(run) : withWriteRetry(run, this.retry);
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
