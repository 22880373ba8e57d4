import { DataSource } from 'typeorm';
import { assertTablesHoldUtf8mb4, charsetProblems, dialectOf } from './charset';
import { openDataSource } from './data-source';
import { ServiceEntity, TeamEntity } from './entities';
import { pendingSchemaChanges } from './schema-drift';
import { createTestDatabase, TestDatabase, testDialects } from './testing/test-database';

const NOW = new Date('2026-01-01T00:00:00.000Z');

/**
 * On MySQL the database is created `CHARACTER SET latin1`, as a bare server
 * makes it: the migrations must leave utf8mb4 tables whose keys compare byte
 * for byte, exactly as on SQLite.
 */
describe.each(testDialects())('character set and collation on %s (a latin1 database on MySQL)', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { characterSet: 'latin1' });
    dataSource = await openDataSource(db.url);
    await dataSource.runMigrations({ transaction: 'each' });
    const team = { id: '00000000-0000-4000-8000-000000000001', key: 'maps-team', name: 'Maps', createdAt: NOW };
    await dataSource.manager.insert(TeamEntity, team);
    await dataSource.manager.insert(ServiceEntity, {
      id: '00000000-0000-4000-8000-000000000002',
      key: 'maps',
      name: 'Maps 🗺️ Straße',
      description: 'Ünïcödé and emoji 🌳 in a TEXT column',
      teamId: team.id,
      lifecycle: 'PRODUCTION',
      servesMinors: false,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('should leave every column utf8mb4 with the schema\'s collation and nothing pending', async () => {
    expect(await charsetProblems(dataSource)).toEqual([]);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    await expect(assertTablesHoldUtf8mb4(dataSource)).resolves.toBeUndefined();
  });

  it('should store and read back emoji and other non-Latin-1 text', async () => {
    const service = await dataSource.manager.findOneByOrFail(ServiceEntity, { key: 'maps' });
    expect(service.name).toBe('Maps 🗺️ Straße');
    expect(service.description).toBe('Ünïcödé and emoji 🌳 in a TEXT column');
  });

  it.each(['MAPS', 'Maps', 'maps ', ' maps', 'mäps'])('should find nothing for the key %j: keys compare byte for byte, without padding', async (key) => {
    expect(await dataSource.manager.findOneBy(ServiceEntity, { key })).toBeNull();
  });

  it('should hold keys that differ only in case or a trailing space as different rows of a unique index', async () => {
    const base = { teamId: '00000000-0000-4000-8000-000000000001', lifecycle: 'PRODUCTION', servesMinors: false, version: 1, createdAt: NOW, updatedAt: NOW, description: null };
    await dataSource.manager.insert(ServiceEntity, { ...base, id: '00000000-0000-4000-8000-000000000003', key: 'MAPS', name: 'Upper' });
    await dataSource.manager.insert(ServiceEntity, { ...base, id: '00000000-0000-4000-8000-000000000004', key: 'maps ', name: 'Padded' });
    const rows = await dataSource.manager.find(ServiceEntity, { order: { key: 'ASC' } });
    expect(rows.map((s) => s.key)).toEqual(['MAPS', 'maps', 'maps ']);
  });

  it('should name the byte collation of its dialect in the entity metadata', () => {
    const key = dataSource.getMetadata(ServiceEntity).findColumnWithPropertyName('key');
    const name = dataSource.getMetadata(ServiceEntity).findColumnWithPropertyName('name');
    expect(key?.collation).toBe({ sqlite: undefined, mariadb: 'utf8mb4_nopad_bin', mysql: 'utf8mb4_0900_bin' }[dialectOf(dataSource)]);
    expect(name?.collation).toBeUndefined();
  });

  if (dialect === 'mysql') {
    it('should refuse, naming the column, a table that cannot hold utf8mb4', async () => {
      await dataSource.query('ALTER TABLE `teams` MODIFY `name` varchar(200) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL');
      try {
        await expect(assertTablesHoldUtf8mb4(dataSource)).rejects.toThrow(/^The database cannot hold utf8mb4: 1 column\(s\) are not utf8mb4: teams\.name \(latin1\)\. Run the migrations/);
      } finally {
        await dataSource.query('ALTER TABLE `teams` MODIFY `name` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL');
      }
    });
  }
});
