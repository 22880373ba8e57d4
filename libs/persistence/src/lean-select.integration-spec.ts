import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { openDataSource } from './data-source';
import { InventoryItemEntity, PolicyClauseEntity, ProcessorEntity, ServiceEntity, SharingArrangementEntity } from './entities';
import { leanSelect, placeholders } from './lean-select';
import { generateDataset } from './testing/dataset';
import { createTestDatabase, TestDatabase, testDialects } from './testing/test-database';

/** leanSelect must give exactly what TypeORM's own reads give: same classes, same values, same types. */
describe.each(testDialects())('leanSelect on %s', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataSource = await openDataSource(db.url);
    await dataSource.runMigrations({ transaction: 'each' });
    await generateDataset(dataSource, { services: 12, seed: 'lean-select' });
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

  it.each<[string, EntityTarget<ObjectLiteral>]>([
    ['inventory items (JSON arrays, nullable JSON, booleans, history instants)', InventoryItemEntity],
    ['sharing arrangements', SharingArrangementEntity],
    ['processors (columns shared with their revisions)', ProcessorEntity],
    ['services', ServiceEntity],
    ['policy clauses', PolicyClauseEntity],
  ])('should read %s as TypeORM does', async (_what, entity) => {
    const expected = byId((await dataSource.manager.find(entity)) as { id: string }[]);
    expect(expected.length).toBeGreaterThan(0);
    const ids = expected.map((row) => row.id);
    const lean = byId((await leanSelect(dataSource.manager, entity, `id IN ${placeholders(ids.length)}`, ids)) as { id: string }[]);
    expect(lean).toStrictEqual(expected);
    expect(lean.every((row) => row.constructor === expected[0].constructor)).toBe(true);
  });

  it('should order, filter and match nothing for an empty list', async () => {
    const services = await dataSource.manager.find(ServiceEntity, { order: { key: 'ASC' } });
    const lean = await leanSelect(dataSource.manager, ServiceEntity, `lifecycle = ?`, [services[0].lifecycle], '`key` DESC'.replace(/`/g, dialect === 'sqlite' ? '"' : '`'));
    expect(lean.map((s) => s.key)).toEqual(services.filter((s) => s.lifecycle === services[0].lifecycle).map((s) => s.key).reverse());
    expect(await leanSelect(dataSource.manager, ServiceEntity, `id IN ${placeholders(0)}`, [])).toEqual([]);
  });
});
