import { generateDataset, PolicyConflictEntity, ProcessorEntity, ServiceEntity, SharingArrangementEntity, testDialects } from '@canopy/persistence';
import { In } from 'typeorm';
import { startTestServer, TestServer } from '../../testing/test-server';

/**
 * Lists that grow with the organisation and have no pages answer
 * RESULT_TOO_LARGE above CANOPY_MAX_LIST_RESULTS, naming what to use
 * instead (docs/reliability.md); what they name still answers.
 */
const LIMIT = 5;

const CAPPED: [string, string, RegExp][] = [
  ['processors', '{ processors { key } }', /processor\(key\)/],
  ['conflicts', '{ conflicts { id } }', /services\(first, after\)/],
  ['sharingArrangements', '{ sharingArrangements { id } }', /services\(first, after\)/],
  ['sharingArrangements at an instant', '{ sharingArrangements(at: "2030-01-01T00:00:00Z") { id } }', /services\(first, after\)/],
  ['recordOfProcessing', '{ recordOfProcessing { activities { serviceKey } } }', /CANOPY_MAX_LIST_RESULTS/],
  ['findings', '{ findings { rule } }', /findingsConnection/],
];

describe.each(testDialects())('lists capped by CANOPY_MAX_LIST_RESULTS on %s', (dialect) => {
  let t: TestServer;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestServer(dialect, { CANOPY_MAX_LIST_RESULTS: String(LIMIT) });
    const dataset = await generateDataset(t.server.db.dataSource, { services: 30, seed: 'list-limits' });
    auditor = dataset.logins.auditor.token;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should hold more rows of every capped kind than the limit (precondition)', async () => {
    const m = t.server.db.dataSource.manager;
    for (const entity of [ServiceEntity, ProcessorEntity, PolicyConflictEntity, SharingArrangementEntity]) {
      expect(await m.count(entity)).toBeGreaterThan(LIMIT);
    }
  });

  it.each(CAPPED)('should refuse %s with RESULT_TOO_LARGE, the limit and what to use instead', async (_name, query, instead) => {
    const r = await t.gql(query, {}, auditor);
    expect(r.data).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', limit: LIMIT });
    expect(r.errors![0].message).toMatch(instead);
    expect(r.errors![0].message).toContain(String(LIMIT));
  });

  it('should refuse a transfer what-if affecting more arrangements than the limit, saying to ask about fewer countries at a time', async () => {
    // Every processor in the United Kingdom: withdrawing its adequacy decision takes the basis of every live arrangement.
    await t.server.db.dataSource.manager.createQueryBuilder().update(ProcessorEntity).set({ country: 'GB' }).execute();
    const live = await t.server.db.dataSource.manager.count(SharingArrangementEntity, { where: { status: In(['DRAFT', 'PENDING_REVIEW', 'APPROVED']) } });
    expect(live).toBeGreaterThan(LIMIT);
    const r = await t.gql('{ transferImpact(scenario: { withdrawAdequacy: ["GB"] }) { affected { arrangement { id } } } }', {}, auditor);
    expect(r.data).toBeNull();
    expect(r.errors![0].extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', limit: LIMIT });
    expect(r.errors![0].message).toMatch(/transferImpact\.affected would hold more than 5 entries.*fewer countries or mechanisms at a time/);
    const none = await t.gql('{ transferImpact(scenario: { withdrawAdequacy: ["JP"] }) { affected { arrangement { id } } } }', {}, auditor);
    expect(none.data!.transferImpact.affected).toEqual([]);
  });

  it('should answer what the refusals name instead', async () => {
    const page = await t.gql(
      '{ services(first: 50) { totalCount edges { node { key conflicts(status: OPEN) { id } sharingArrangements { id processor { key } } } } } }',
      {},
      auditor,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.services.edges).toHaveLength(30);
    const processorKey = (page.data!.services.edges as { node: { sharingArrangements: { processor: { key: string } }[] } }[])
      .flatMap((e) => e.node.sharingArrangements)
      .map((a) => a.processor.key)[0];
    const one = await t.gql('query($k: String!) { processor(key: $k) { key } }', { k: processorKey }, auditor);
    expect(one.data!.processor.key).toBe(processorKey);
    const findings = await t.gql('{ findingsConnection(first: 3) { edges { node { rule } } } }', {}, auditor);
    expect(findings.errors).toBeUndefined();
  });
});
