import { DataSource } from 'typeorm';
import { assertTablesHoldUtf8mb4, charsetProblems, dialectOf } from './charset';
import { openDataSource } from './data-source';
import { ServiceEntity, TeamEntity } from './entities';
import { ALL_MIGRATIONS } from './migrations';
import { Utf8mb4Schema1764400008000 } from './migrations/1764400008000-utf8mb4-schema';
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

(process.env.TEST_MYSQL_URL ? describe : describe.skip)('the utf8mb4 migration on an existing latin1 database (mysql)', () => {
  it('should convert the tables with their rows, keep every foreign key and still enforce it', async () => {
    const db = await createTestDatabase('mysql', { characterSet: 'latin1' });
    let dataSource = await openDataSource(db.url);
    const foreignKeys = () => dataSource.query('SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()');
    try {
      // The schema as it was before the migration, with rows in latin1 tables.
      const utf8mb4At = ALL_MIGRATIONS.indexOf(Utf8mb4Schema1764400008000);
      const earlier = new DataSource({ ...dataSource.options, migrations: ALL_MIGRATIONS.slice(0, utf8mb4At) });
      await earlier.initialize();
      await earlier.runMigrations({ transaction: 'each' });
      await earlier.query("INSERT INTO teams (id, `key`, name, created_at) VALUES ('t1', 'geo', 'Géo', '2026-01-01 00:00:00')");
      await earlier.query(
        "INSERT INTO services (id, `key`, name, description, team_id, lifecycle, serves_minors, version, created_at, updated_at) VALUES ('s1', 'maps', 'Straße Café', NULL, 't1', 'PRODUCTION', 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
      );
      await earlier.destroy();
      const keysBefore = Number((await foreignKeys())[0].n);
      expect(keysBefore).toBeGreaterThan(20);

      // This migration alone (the later ones rely on it and add foreign keys of their own).
      const through = new DataSource({ ...dataSource.options, migrations: ALL_MIGRATIONS.slice(0, utf8mb4At + 1) });
      await through.initialize();
      expect((await through.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(['Utf8mb4Schema1764400008000']);
      await through.destroy();

      expect(await charsetProblems(dataSource)).toEqual([]);
      expect(Number((await foreignKeys())[0].n)).toBe(keysBefore);
      // The later migrations run on the converted schema, from connections opened after it (a MariaDB
      // session keeps the database's default character set of when it selected the database).
      await dataSource.destroy();
      dataSource = await openDataSource(db.url);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await charsetProblems(dataSource)).toEqual([]);
      const service = await dataSource.manager.findOneByOrFail(ServiceEntity, { key: 'maps' });
      expect({ name: service.name, teamId: service.teamId }).toEqual({ name: 'Straße Café', teamId: 't1' });
      await dataSource.manager.update(ServiceEntity, { key: 'maps' }, { name: 'Straße Café 🗺️' });
      expect((await dataSource.manager.findOneByOrFail(ServiceEntity, { key: 'maps' })).name).toBe('Straße Café 🗺️');
      await expect(dataSource.manager.update(ServiceEntity, { key: 'maps' }, { teamId: 'T1' })).rejects.toThrow(/foreign key constraint fails/);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
