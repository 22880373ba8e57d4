import { DataSource } from 'typeorm';
import { charsetProblems } from './charset';
import { openDataSource } from './data-source';
import { pendingSchemaChanges } from './schema-drift';
import { createTestDatabase, testDialects } from './testing/test-database';

describe.each(testDialects())('migrations on %s', (dialect) => {
  it('should leave no schema change pending after migrating', async () => {
    const db = await createTestDatabase(dialect);
    let dataSource: DataSource | undefined;
    try {
      dataSource = await openDataSource(db.url);
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      expect(ran.length).toBeGreaterThan(0);
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      // TypeORM's diff ignores character sets and collations: checked apart.
      expect(await charsetProblems(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
    } finally {
      if (dataSource?.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});
