import { DataSource, EntityTarget, MoreThan, ObjectLiteral } from 'typeorm';
import { openDataSource } from './data-source';
import { ApiTokenEntity, FindingAcceptanceEntity, PolicyConflictEntity, InventoryItemEntity, TeamEntity, TeamMemberEntity, UserEntity, PolicyClauseEntity, PolicyEntity, PolicyVersionEntity, ProcessorEntity, ServiceEntity, SharingArrangementEntity } from './entities';
import { leanJoinSelect, leanJoinSelectAlso, leanSelect, persistedValue, placeholders } from './lean-select';
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

  it('should read a to-one relation in the same statement as innerJoinAndSelect does', async () => {
    const expected = byId(await dataSource.manager.createQueryBuilder(SharingArrangementEntity, 'a').innerJoinAndSelect('a.processor', 'p').getMany());
    expect(expected.length).toBeGreaterThan(0);
    const join = { property: 'processor', entity: ProcessorEntity, on: 'j.id = t.processor_id' };
    const lean = byId(await leanJoinSelect(dataSource.manager, SharingArrangementEntity, join, `t.id IN ${placeholders(expected.length)}`, expected.map((a) => a.id)));
    expect(lean).toStrictEqual(expected);
    expect(lean[0].processor).toBeInstanceOf(ProcessorEntity);

    const versions = await dataSource.manager.createQueryBuilder(PolicyVersionEntity, 'v').innerJoinAndSelect('v.policy', 'p').orderBy('v.id').getMany();
    const policyJoin = { property: 'policy', entity: PolicyEntity, on: 'j.id = t.policy_id' };
    expect(await leanJoinSelect(dataSource.manager, PolicyVersionEntity, policyJoin, '1 = 1', [], 't.id')).toStrictEqual(versions);
    // Columns of the same name on both sides (id, created_at...) keep their own table's value.
    expect(lean.every((a) => a.id !== a.processor!.id && a.processorId === a.processor!.id)).toBe(true);
  });

  it('should read several to-one relations, each under its own alias, as innerJoinAndSelect does', async () => {
    const expected = await dataSource.manager
      .createQueryBuilder(PolicyConflictEntity, 'c')
      .innerJoinAndSelect('c.globalVersion', 'gv')
      .innerJoinAndSelect('c.serviceVersion', 'sv')
      .orderBy('c.id')
      .getMany();
    expect(expected.length).toBeGreaterThan(0);
    const pair = [
      { property: 'globalVersion', entity: PolicyVersionEntity, alias: 'gv', on: 'gv.id = t.global_version_id' },
      { property: 'serviceVersion', entity: PolicyVersionEntity, alias: 'sv', on: 'sv.id = t.service_version_id' },
    ];
    const lean = await leanJoinSelectAlso(dataSource.manager, PolicyConflictEntity, pair, { select: { serviceNumber: 'sv.number' } }, 'gv.number >= ?', [1], 't.id');
    expect(lean.map(({ row }) => row)).toStrictEqual(expected);
    // Both sides are the same table: each keeps its own row, and the aliases reach `select` and `where`.
    expect(lean.every(({ row, also }) => row.globalVersion!.id === row.globalVersionId && row.serviceVersion!.id === row.serviceVersionId && Number(also.serviceNumber) === row.serviceVersion!.number)).toBe(true);
  });

  it('should give each row of further left joins with its row, and no column beyond the properties asked', async () => {
    const members = await dataSource.manager.find(TeamMemberEntity);
    const tokens = await dataSource.manager.find(ApiTokenEntity, { relations: { user: true } });
    const join = { property: 'user', entity: UserEntity, on: 'j.id = t.user_id' };
    const also = { select: { teamId: 'tm.team_id' }, leftJoins: 'LEFT JOIN team_members tm ON tm.user_id = j.id' };
    for (const token of tokens) {
      const rows = await leanJoinSelectAlso(dataSource.manager, ApiTokenEntity, join, also, 't.token_hash = ?', [token.tokenHash]);
      const teams = members.filter((member) => member.userId === token.userId).map((member) => member.teamId);
      expect(rows.map((r) => r.also.teamId).sort()).toEqual(teams.length ? [...teams].sort() : [null]);
      for (const { row } of rows) expect(row).toStrictEqual(token);
    }
    expect(members.length).toBeGreaterThan(0);

    // LEFT: a row without a match comes without the relation; LIMIT after the order.
    const services = await dataSource.manager.find(ServiceEntity, { order: { key: 'ASC' } });
    const key = dialect === 'sqlite' ? '"key"' : '`key`';
    const unmatched = await leanJoinSelectAlso(dataSource.manager, ServiceEntity, { property: 'team', entity: TeamEntity, on: 'j.id = t.team_id AND 1 = 0', left: true }, { select: {}, limit: 3 }, '1 = 1', [], `t.${key}`);
    expect(unmatched.map(({ row }) => row)).toStrictEqual(services.slice(0, 3));
    const matched = await leanJoinSelectAlso(dataSource.manager, ServiceEntity, { property: 'team', entity: TeamEntity, on: 'j.id = t.team_id', left: true }, { select: {}, limit: 2 }, '1 = 1', [], `t.${key}`);
    expect(matched.map(({ row }) => row.team?.id)).toEqual(services.slice(0, 2).map((s) => s.teamId));

    const [service] = await leanSelect(dataSource.manager, ServiceEntity, '1 = 1', [], '', ['id', 'key']);
    expect(Object.keys(service).sort()).toEqual(['id', 'key']);
    await expect(leanSelect(dataSource.manager, ServiceEntity, '1 = 1', [], '', ['id', 'nope' as 'id'])).rejects.toThrow('has no column');
  });

  it('should give a page read along an index (orderByIndex) the rows of the same page without it', async () => {
    const key = dialect === 'sqlite' ? '"key"' : '`key`';
    const team = { property: 'team', entity: TeamEntity, on: 'j.id = t.team_id', left: true };
    const page = (orderByIndex?: string) => leanJoinSelectAlso(dataSource.manager, ServiceEntity, team, { select: { n: '(SELECT COUNT(1) FROM services c)' }, limit: 7, orderByIndex }, `t.${key} > ?`, ['a'], `t.${key} ASC`);
    const along = await page('UQ_services_key');
    expect(along.length).toBe(7);
    expect(along).toStrictEqual(await page());
    // The hint goes to MySQL/MariaDB (where it spares sorting the table for a page of 100 of 5,000: docs/benchmarks.md); SQLite has no such syntax.
    const sent = jest.spyOn(dataSource.manager, 'query');
    await page('UQ_services_key');
    const [sql] = sent.mock.calls[0] as [string, unknown[]];
    sent.mockRestore();
    if (dialect === 'sqlite') expect(sql).not.toContain('INDEX');
    else expect(sql).toContain('FROM `services` t FORCE INDEX FOR ORDER BY (`UQ_services_key`) LEFT JOIN');
  });

  it('should compare instants given as persistedValue exactly as TypeORM does', async () => {
    const [service] = await dataSource.manager.find(ServiceEntity, { take: 1 });
    const [user] = await dataSource.manager.find(UserEntity, { take: 1 });
    const expiries = ['2030-05-01T10:00:00.000Z', '2030-05-01T10:00:00.001Z', '2030-05-01T10:00:00.999Z', '2030-05-02T00:00:00.000Z'].map((iso) => new Date(iso));
    await dataSource.manager.insert(
      FindingAcceptanceEntity,
      expiries.map((expiresAt, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, serviceId: service.id, rule: 'RETENTION_EXCEEDS_POLICY', dataCategory: null, rationale: 'spec', expiresAt, acceptedBy: user.id, acceptedAt: new Date('2030-01-01T00:00:00.000Z') })),
    );
    const instants = [...expiries, new Date('2030-05-01T10:00:00.500Z'), new Date('2000-01-01T00:00:00.000Z'), new Date('2999-01-01T00:00:00.000Z')];
    for (const at of instants) {
      const expected = byId(await dataSource.manager.find(FindingAcceptanceEntity, { where: { expiresAt: MoreThan(at) } }));
      const lean = byId(await leanSelect(dataSource.manager, FindingAcceptanceEntity, 'expires_at > ?', [persistedValue(dataSource.manager, FindingAcceptanceEntity, 'expiresAt', at)]));
      expect(lean).toStrictEqual(expected);
    }
    // At each expiry, the millisecond counts: those expiring after it, not the one expiring then.
    const after = await leanSelect(dataSource.manager, FindingAcceptanceEntity, 'expires_at > ?', [persistedValue(dataSource.manager, FindingAcceptanceEntity, 'expiresAt', expiries[1])]);
    expect(after.map((a) => a.expiresAt.toISOString()).sort()).toEqual(['2030-05-01T10:00:00.999Z', '2030-05-02T00:00:00.000Z']);
  });

  it('should order, filter and match nothing for an empty list', async () => {
    const services = await dataSource.manager.find(ServiceEntity, { order: { key: 'ASC' } });
    const lean = await leanSelect(dataSource.manager, ServiceEntity, `lifecycle = ?`, [services[0].lifecycle], '`key` DESC'.replace(/`/g, dialect === 'sqlite' ? '"' : '`'));
    expect(lean.map((s) => s.key)).toEqual(services.filter((s) => s.lifecycle === services[0].lifecycle).map((s) => s.key).reverse());
    expect(await leanSelect(dataSource.manager, ServiceEntity, `id IN ${placeholders(0)}`, [])).toEqual([]);
  });
});
