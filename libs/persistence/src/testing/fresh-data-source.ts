import type { DataSource } from 'typeorm';
import { openDataSource } from '../data-source';
import { createTestDatabase, type TestDialect } from './test-database';

/** Runs `work` on a data source over a fresh database of `dialect` (no migration run yet), then closes it and drops the database. */
export async function withFreshDataSource(dialect: TestDialect, work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const db = await createTestDatabase(dialect);
  let dataSource: DataSource | undefined;
  try {
    dataSource = await openDataSource(db.url);
    await work(dataSource);
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db.drop();
  }
}
