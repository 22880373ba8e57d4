import { countQueriesIn, testDialects } from '@canopy/persistence';
import { codeOf, tableCounts, TestServer } from '../../../testing/test-server';
import * as fx from '../../../testing/fixtures';
import { geoWorld } from '../../../testing/world';
import { approveAssessment, draftAssessment, submitAssessment } from '../../../testing/assessment-fixtures';
import { DEFAULT_MAX_LIST_RESULTS } from '../../../common/list-limit';
import { TransferImpactService } from '../transfer-impact.app-service';

const { APPROVE, expectOk, item, PERMISSIVE_GLOBAL, propose, publishPolicy, registerProcessor, registerService, setInventory, SUBMIT } = fx;

/** transferImpact: the domain's what-if over the live arrangements, computed and never saved. */
const IMPACT = `query($s: TransferScenarioInput!) { transferImpact(scenario: $s) {
  scenario affected { arrangement { id status processor { key } } countries hasFallback findingsOpening { rule severity message service { key } } }
} }`;

describe.each(testDialects())('transferImpact on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let geo: string;
  let auditor: string;
  let approved: string;
  let draft: string;
  const impact = async (s: Record<string, unknown>, as = auditor) => (await expectOk(t.gql(IMPACT, { s }, as))).transferImpact;

  async function arrangement(processorKey: string, approve: boolean): Promise<string> {
    const a = await propose(t, geo, { serviceKey: 'maps', processorKey, dataCategories: ['device.log'] });
    if (!approve) return a.id;
    const s = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, geo))).submitSharing;
    await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: s.version } }, officer));
    return a.id;
  }

  beforeAll(async () => {
    ({ t, officer, geo, auditor } = await geoWorld(dialect));
    await publishPolicy(t, officer, 'general', PERMISSIVE_GLOBAL);
    await registerService(t, officer, 'maps', 'geo');
    await setInventory(t, geo, 'maps', [item('device.log')]);
    await registerProcessor(t, officer, 'tiles', { country: 'US', certifications: ['DPF'], transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
    await registerProcessor(t, officer, 'sushi', { country: 'JP', transferMechanism: 'ADEQUACY_DECISION' });
    approved = await arrangement('tiles', true);
    draft = await arrangement('tiles', false);
    await arrangement('sushi', true);
  });
  afterAll(() => t.close());

  it('should list the arrangements that lose their basis, with the findings an approved one would open, saving nothing', async () => {
    const before = await tableCounts(t.server);
    const r = await impact({ withdrawAdequacy: ['us'], from: '2027-12-01T00:00:00Z' });
    expect(r.scenario).toBe('adequacy withdrawn for US from 2027-12-01T00:00:00.000Z');
    expect(r.affected.map((a: any) => [a.arrangement.id, a.arrangement.status, a.countries, a.hasFallback])).toEqual([
      [approved, 'APPROVED', ['US'], false],
      [draft, 'DRAFT', ['US'], false],
    ]);
    const [finding] = r.affected[0].findingsOpening;
    expect(finding).toEqual(expect.objectContaining({ rule: 'TRANSFER_UNLAWFUL', service: { key: 'maps' } }));
    expect(r.affected[1].findingsOpening).toEqual([]);
    expect(await tableCounts(t.server)).toEqual(before);
    expect((await expectOk(t.gql('{ adequacyDecisions { country } }', {}, auditor))).adequacyDecisions.map((d: any) => d.country)).toContain('US');
  });

  it('should open the findings LOW while advisory and CRITICAL once enforcement is on at the scenario\'s instant', async () => {
    const severity = async (from: string) => (await impact({ withdrawAdequacy: ['US'], from })).affected[0].findingsOpening[0].severity;
    expect(await severity('2031-01-01T00:00:00Z')).toBe('LOW');
    await expectOk(t.gql('mutation { enforceAssessmentsFrom(from: "2030-01-01T00:00:00Z") { from } }', {}, officer));
    expect(await severity('2029-12-31T00:00:00Z')).toBe('LOW');
    expect(await severity('2031-01-01T00:00:00Z')).toBe('CRITICAL');
  });

  it('should find nothing when the scenario touches no basis in use', async () => {
    expect((await impact({ withdrawAdequacy: ['BR'], invalidateMechanisms: ['BINDING_CORPORATE_RULES'] })).affected).toEqual([]);
    expect((await impact({})).scenario).toMatch(/^nothing changes from /);
  });

  it('should treat invalidating ADEQUACY_DECISION as every decision gone', async () => {
    const r = await impact({ invalidateMechanisms: ['ADEQUACY_DECISION'] });
    expect(r.affected.map((a: any) => a.arrangement.processor.key)).toEqual(['tiles', 'tiles', 'sushi']);
  });

  it('should refuse an unknown country with BAD_USER_INPUT naming it', async () => {
    const r = await t.gql(IMPACT, { s: { withdrawAdequacy: ['US', 'ZZ'] } }, auditor);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.argument).toBe('scenario.withdrawAdequacy[1]');
  });

  it('should count an approved TIA under standard contractual clauses as a fallback, so no finding would open', async () => {
    const withdrawUs = async () => (await impact({ withdrawAdequacy: ['US'] })).affected.find((a: any) => a.arrangement.id === approved);
    expect(await withdrawUs()).toEqual(expect.objectContaining({ hasFallback: false, findingsOpening: [expect.objectContaining({ rule: 'TRANSFER_UNLAWFUL' })] }));
    const tia = await draftAssessment(t, geo, new Date(), { kind: 'TIA', serviceKey: 'maps', sharingArrangementId: approved });
    await approveAssessment(t, officer, await submitAssessment(t, geo, tia));
    expect(await withdrawUs()).toEqual(expect.objectContaining({ countries: ['US'], hasFallback: true, findingsOpening: [] }));
  });

  it('should refuse engineers with FORBIDDEN', async () => {
    expect(codeOf(await t.gql(IMPACT, { s: {} }, geo))).toBe('FORBIDDEN');
  });

  // Up to a batch (IMPACT_BATCH_SIZE live arrangements); past that, a constant number per batch (below).
  it('should cost the same statements whatever the number of arrangements', async () => {
    const few = await t.gql(IMPACT, { s: { withdrawAdequacy: ['US', 'JP'] } }, officer);
    for (let i = 0; i < 5; i++) await arrangement(i % 2 ? 'sushi' : 'tiles', i % 2 === 0);
    const many = await t.gql(IMPACT, { s: { withdrawAdequacy: ['US', 'JP'] } }, officer);
    expect(many.data!.transferImpact.affected.length).toBe(few.data!.transferImpact.affected.length + 5);
    expect(many.statements).toBe(few.statements);
  });

  it('should give the same answer a batch of 3 at a time as all at once, today and as of a past instant, four statements a batch', async () => {
    await arrangement('tiles', true);
    await arrangement('sushi', false);
    const midway = new Date();
    await arrangement('sushi', true);
    await arrangement('tiles', true);
    const { db, application } = t.server;
    const batched = new TransferImpactService(db, application.homeRegion, application.assessmentEnforcement, DEFAULT_MAX_LIST_RESULTS, 3);
    const now = db.clock.now();
    const scenarios = [{ withdrawAdequacy: ['US', 'JP'] }, { invalidateMechanisms: ['ADEQUACY_DECISION' as const] }, { withdrawAdequacy: ['US', 'JP'], from: midway }];
    for (const s of scenarios) {
      const whole = await application.transferImpact.impact(s, now);
      expect(whole.affected.length).toBeGreaterThan(3);
      expect(await batched.impact(s, now)).toEqual(whole);
    }
    // Capped like every list that grows with the organisation: the whole answer at the cap, RESULT_TOO_LARGE one below it.
    const whole = await application.transferImpact.impact(scenarios[0], now);
    const capped = (max: number) => new TransferImpactService(db, application.homeRegion, application.assessmentEnforcement, max, 3);
    expect(await capped(whole.affected.length).impact(scenarios[0], now)).toEqual(whole);
    await expect(capped(whole.affected.length - 1).impact(scenarios[0], now)).rejects.toMatchObject({
      extensions: { code: 'RESULT_TOO_LARGE', limit: whole.affected.length - 1 },
      message: expect.stringMatching(/transferImpact\.affected would hold more than \d+ entries.*fewer countries or mechanisms at a time/),
    });
    const [today, then] = [await batched.impact(scenarios[0], now), await batched.impact(scenarios[2], now)];
    expect(today.affected.length - then.affected.length).toBe(2);

    const statements = async () => {
      const tally = { statements: 0 };
      await countQueriesIn(tally, () => batched.impact(scenarios[0], now));
      return tally.statements;
    };
    const fewer = await statements();
    for (let i = 0; i < 3; i++) await arrangement('tiles', false);
    expect(await statements()).toBe(fewer + 4);
  });
});
