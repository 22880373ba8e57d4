import { ProcessorRevisionEntity, ServiceRevisionEntity, testDialects } from '@canopy/persistence';
import { codeOf, tableCounts } from '../../../testing/test-server';
import { APPROVE, expectOk, item, PERMISSIVE_GLOBAL, propose, registerProcessor, SUBMIT } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, OFFICER_2, useWorld } from '../../../testing/world';

/**
 * Services and processors kept as history (DESIGN.md section 9): every
 * answer as of an instant reads them as they were then. The processor
 * `tiles` is in Switzerland (adequate, outside the EEA) with a valid DPA when
 * `maps` shares with it; then it moves to Germany and its DPA is cut short,
 * and `maps` moves team, is deprecated and starts serving minors.
 */
const UPDATE_PROCESSOR = 'mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { version country } }';
const UPDATE_SERVICE = 'mutation($i: UpdateServiceInput!) { updateService(input: $i) { version } }';
const TRANSFERS = 'query($id: ID!, $at: DateTime) { sharingArrangement(id: $id) { transfers(at: $at) { country restricted lawful basis } } }';
const FINDINGS = `query($at: DateTime) { findingsConnection(first: 100, filter: { serviceKey: "maps" }, at: $at) {
  totalCount edges { node { rule service { key lifecycle servesMinors team { key } } } } } }`;
const ALL_FINDINGS = 'query($at: DateTime, $after: String) { findingsConnection(first: 1, after: $after, at: $at) { totalCount edges { cursor node { rule service { key } } } pageInfo { hasNextPage endCursor } } }';
const ROPA = `query($at: DateTime) { recordOfProcessing(at: $at) { activities { serviceKey teamKey lifecycle purpose
  recipients { processorKey country transferMechanism } transfers { processorKey recipient country restricted lawful basis } } } }`;
const IMPACT = 'query($s: TransferScenarioInput!) { transferImpact(scenario: $s) { affected { arrangement { id asOf } countries } } }';
const HEAD = '{ verifyAuditLog { headSeq } }';
const DAY = 86_400_000;

describe.each(testDialects())('service and processor history on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, officer2: OFFICER_2, geo: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo' }],
    inventory: { maps: [item('device.log')] },
    globalPolicy: PERMISSIVE_GLOBAL,
  });
  const { as } = t;
  let arrangement: string;
  let before: string;
  let processorVersion: number;
  const head = async () => (await t.gql(HEAD)).data!.verifyAuditLog.headSeq as number;

  beforeAll(async () => {
    processorVersion = (await registerProcessor(t, as.officer, 'tiles', { country: 'CH', transferMechanism: 'ADEQUACY_DECISION' })).version;
    const a = await propose(t, as.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
    const s = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, as.geo))).submitSharing;
    await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: s.version } }, as.officer2));
    arrangement = a.id;
    t.clock.advance(10_000);
    before = t.clock.iso();
    t.clock.advance(10_000);
  });

  describe('when the processor moves and the service changes', () => {
    let headBefore: number;
    beforeAll(async () => {
      headBefore = await head();
      const moved = await expectOk(
        t.gql(UPDATE_PROCESSOR, { i: { key: 'tiles', expectedVersion: processorVersion, country: 'DE', transferMechanism: null, dpaExpiresAt: new Date(Date.now() - DAY).toISOString() } }, as.officer),
      );
      processorVersion = moved.updateProcessor.version;
      await expectOk(t.gql(UPDATE_SERVICE, { i: { key: 'maps', expectedVersion: 1, teamKey: 'media', lifecycle: 'DEPRECATED', servesMinors: true } }, as.officer));
    });

    it('should keep one revision per version, the current one open, written with exactly one audit event per change', async () => {
      const m = t.server.db.manager;
      const processorRevisions = await m.find(ProcessorRevisionEntity, { order: { version: 'ASC' } });
      expect(processorRevisions.map((r) => [r.version, r.country, r.transferMechanism, r.validTo === null])).toEqual([
        [1, 'CH', 'ADEQUACY_DECISION', false],
        [2, 'DE', null, true],
      ]);
      expect(processorRevisions[0].validTo!.getTime()).toBe(processorRevisions[1].validFrom.getTime());
      const serviceRevisions = await m.find(ServiceRevisionEntity, { order: { version: 'ASC' } });
      expect(serviceRevisions.map((r) => [r.version, r.lifecycle, r.servesMinors, r.validTo === null])).toEqual([
        [1, 'ACTIVE', false, false],
        [2, 'DEPRECATED', true, true],
      ]);
      expect(await head()).toBe(headBefore + 2);
    });

    it('should leave the audit events as they were: the whole snapshot before and after', async () => {
      const events = (await expectOk(t.gql('{ auditEvents(filter: { entityType: "processor" }) { edges { node { action before after } } } }', {}, as.auditor))).auditEvents.edges;
      const updated = events.map((e: any) => e.node).find((n: any) => n.action === 'processor.updated');
      expect(JSON.parse(JSON.stringify(updated.before))).toEqual(expect.objectContaining({ key: 'tiles', country: 'CH', transferMechanism: 'ADEQUACY_DECISION', version: 1 }));
      expect(updated.after).toEqual(expect.objectContaining({ key: 'tiles', country: 'DE', transferMechanism: null, version: 2 }));
    });

    it('should write nothing, no revision either, when a change is refused', async () => {
      const counts = await tableCounts(t.server);
      expect(codeOf(await t.gql(UPDATE_PROCESSOR, { i: { key: 'tiles', expectedVersion: 1, country: 'FR' } }, as.officer))).toBe('VERSION_CONFLICT');
      expect(codeOf(await t.gql(UPDATE_SERVICE, { i: { key: 'maps', expectedVersion: 1, lifecycle: 'PLANNED' } }, as.officer))).toBe('VERSION_CONFLICT');
      expect(await tableCounts(t.server)).toEqual(counts);
    });

    it("should assess the arrangement's transfers with the processor as it was then", async () => {
      expect((await expectOk(t.gql(TRANSFERS, { id: arrangement, at: before }, as.auditor))).sharingArrangement.transfers).toEqual([
        { country: 'CH', restricted: true, lawful: true, basis: 'ADEQUACY_DECISION' },
      ]);
      expect((await expectOk(t.gql(TRANSFERS, { id: arrangement }, as.auditor))).sharingArrangement.transfers).toEqual([
        { country: 'DE', restricted: false, lawful: true, basis: null },
      ]);
      expect((await expectOk(t.gql(TRANSFERS, { id: arrangement, at: '2020-01-01T00:00:00Z' }, as.auditor))).sharingArrangement.transfers).toEqual([]);
    });

    it('should answer a what-if from a past instant on the processors of that instant', async () => {
      const from = (at: string | null) => ({ s: { withdrawAdequacy: ['CH'], ...(at ? { from: at } : {}) } });
      const past = (await expectOk(t.gql(IMPACT, from(before), as.auditor))).transferImpact.affected;
      expect(past).toEqual([{ arrangement: { id: arrangement, asOf: new Date(before).toISOString() }, countries: ['CH'] }]);
      expect((await expectOk(t.gql(IMPACT, from(null), as.auditor))).transferImpact.affected).toEqual([]);
    });

    it('should measure findings at a past instant on the service, processor and DPA of then, and differ from now', async () => {
      const past = (await expectOk(t.gql(FINDINGS, { at: before }, as.geo))).findingsConnection;
      const now = (await expectOk(t.gql(FINDINGS, {}, as.officer))).findingsConnection;
      expect(past.edges.map((e: any) => e.node.rule)).not.toContain('PROCESSOR_DPA_INVALID');
      expect(now.edges.map((e: any) => e.node.rule)).toContain('PROCESSOR_DPA_INVALID');
      expect(past.totalCount).toBe(past.edges.length);
      expect(now.totalCount).toBe(past.totalCount + 1);
      for (const e of past.edges) expect(e.node.service).toEqual({ key: 'maps', lifecycle: 'ACTIVE', servesMinors: false, team: { key: 'geo' } });
      for (const e of now.edges) expect(e.node.service).toEqual({ key: 'maps', lifecycle: 'DEPRECATED', servesMinors: true, team: { key: 'media' } });
    });

    it('should page findings at a past instant without services registered later, in a constant number of statements per page', async () => {
      await expectOk(t.gql('mutation { registerService(input: { key: "late", name: "Late", teamKey: "geo" }) { key } }', {}, as.officer));
      const first = await t.gql(ALL_FINDINGS, { at: before }, as.auditor);
      expect(first.errors).toBeUndefined();
      const keys: string[] = [];
      let page = first.data!.findingsConnection;
      const statements = [first.statements];
      for (;;) {
        keys.push(...page.edges.map((e: any) => e.node.service.key));
        if (!page.pageInfo.hasNextPage) break;
        const next = await t.gql(ALL_FINDINGS, { at: before, after: page.pageInfo.endCursor }, as.auditor);
        statements.push(next.statements);
        page = next.data!.findingsConnection;
      }
      expect(keys.length).toBe(first.data!.findingsConnection.totalCount);
      expect(keys).not.toContain('late');
      expect(new Set(statements.slice(1)).size).toBeLessThanOrEqual(1);
    });

    it('should keep the record of processing of a past instant: team, lifecycle, recipient country and transfers then', async () => {
      const activity = async (at?: string) =>
        (await expectOk(t.gql(ROPA, { at }, as.auditor))).recordOfProcessing.activities.find((a: any) => a.serviceKey === 'maps' && a.purpose === 'service.improve');
      expect(await activity(before)).toEqual({
        serviceKey: 'maps',
        teamKey: 'geo',
        lifecycle: 'ACTIVE',
        purpose: 'service.improve',
        recipients: [{ processorKey: 'tiles', country: 'CH', transferMechanism: 'ADEQUACY_DECISION' }],
        transfers: [{ processorKey: 'tiles', recipient: 'processor tiles', country: 'CH', restricted: true, lawful: true, basis: 'ADEQUACY_DECISION' }],
      });
      expect(await activity()).toEqual({
        serviceKey: 'maps',
        teamKey: 'media',
        lifecycle: 'DEPRECATED',
        purpose: 'service.improve',
        recipients: [{ processorKey: 'tiles', country: 'DE', transferMechanism: null }],
        transfers: [{ processorKey: 'tiles', recipient: 'processor tiles', country: 'DE', restricted: false, lawful: true, basis: null }],
      });
    });
  });
});
