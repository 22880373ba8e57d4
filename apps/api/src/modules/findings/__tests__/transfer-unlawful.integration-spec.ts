import { testDialects } from '@canopy/persistence';
import { approveAssessment, draftAssessment, submitAssessment } from '../../../testing/assessment-fixtures';
import { APPROVE, expectOk, item, PERMISSIVE_GLOBAL, propose, registerProcessor, SUBMIT } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

/**
 * TRANSFER_UNLAWFUL (DESIGN.md section 9): an APPROVED arrangement whose
 * transfer basis lapses, through every way findings are read (a service's
 * findings, the sweep, findingsConnection now and as of a past instant).
 */
const SERVICE_FINDINGS = 'query($k: String!) { service(key: $k) { findings { rule severity message } } }';
const SWEEP = '{ findings { rule severity message service { key } } }';
const PAGE = `query($first: Int, $after: String, $filter: FindingFilter, $at: DateTime) {
  findingsConnection(first: $first, after: $after, filter: $filter, at: $at) { totalCount edges { node { rule severity message service { key } } } } }`;
/** What changes the transfers' basis: the register, the processor's country, enforcement. */
const CHANGE = {
  adequacy: 'mutation($i: AdequacyDecisionInput!) { setAdequacyDecision(input: $i) { country } }',
  processor: 'mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { version } }',
  enforcement: 'mutation($at: DateTime!) { enforceAssessmentsFrom(from: $at) { from } }',
};
const DAY = 24 * 3600 * 1000;

interface Row {
  rule: string;
  severity: string;
  message: string;
  service?: { key: string };
}

describe.each(testDialects())('TRANSFER_UNLAWFUL on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, geo: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo' }, { key: 'chat', team: 'geo' }],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: { maps: [item('device.log')], chat: [item('user.account')] },
  });
  const { as } = t;
  let tiles: { id: string };
  let tilesVersion: number;
  /** Before tiles moved out of Switzerland. */
  let inSwitzerland: string;

  const unlawful = (rows: Row[]) => rows.filter((f) => f.rule === 'TRANSFER_UNLAWFUL');
  const serviceFindings = async (key: string): Promise<Row[]> => unlawful((await expectOk(t.gql(SERVICE_FINDINGS, { k: key }, as.auditor))).service.findings);
  const sweep = async (): Promise<Row[]> => unlawful((await expectOk(t.gql(SWEEP, {}, as.auditor))).findings);
  const page = async (at?: string): Promise<{ totalCount: number; rows: Row[] }> => {
    const c = (await expectOk(t.gql(PAGE, { first: 1, filter: { rule: 'TRANSFER_UNLAWFUL' }, at }, as.auditor))).findingsConnection;
    return { totalCount: c.totalCount, rows: c.edges.map((e: { node: Row }) => e.node) };
  };
  const approveSharing = async (serviceKey: string, processorKey: string, dataCategories: string[]) => {
    const draft = await propose(t, as.geo, { serviceKey, processorKey, dataCategories });
    const submitted = (await expectOk(t.gql(SUBMIT, { id: draft.id, v: draft.version }, as.geo))).submitSharing;
    return (await expectOk(t.gql(APPROVE, { i: { id: draft.id, expectedVersion: submitted.version } }, as.officer))).approveSharing;
  };

  beforeAll(async () => {
    // Approved while lawful (Switzerland is adequate): its basis lapses later.
    tilesVersion = (await registerProcessor(t, as.officer, 'tiles', { country: 'CH', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' })).version;
    tiles = await approveSharing('maps', 'tiles', ['device.log']);
    t.clock.advance(60_000);
    inSwitzerland = t.clock.iso();
    t.clock.advance(60_000);
  });

  it('should find nothing while the arrangement rests on an adequacy decision', async () => {
    expect(await serviceFindings('maps')).toEqual([]);
    expect(await sweep()).toEqual([]);
  });

  it('should report it, LOW and advisory, once the processor moves to a country without adequacy and no TIA covers it', async () => {
    tilesVersion = (await expectOk(t.gql(CHANGE.processor, { i: { key: 'tiles', expectedVersion: tilesVersion, country: 'IN' } }, as.officer))).updateProcessor.version;
    const [finding] = await serviceFindings('maps');
    expect(finding.severity).toBe('LOW');
    expect(finding.message).toContain(`approved arrangement ${tiles.id} with processor tiles transfers data unlawfully: processor tiles in IN: not lawful: no adequacy decision covers IN`);
    expect(finding.message).toContain('STANDARD_CONTRACTUAL_CLAUSES needs an approved, unexpired, current TIA: no TIA covers the arrangement');
    expect(finding.message).toContain('(advisory: enforcement of assessments is not turned on)');
    expect(await sweep()).toEqual([{ ...finding, service: { key: 'maps' } }]);
    expect(await page()).toEqual({ totalCount: 1, rows: [{ ...finding, service: { key: 'maps' } }] });
  });

  it('should answer for a past instant as things stood then: before the move there was nothing to report', async () => {
    expect(await page(inSwitzerland)).toEqual({ totalCount: 0, rows: [] });
    const before = t.clock.iso();
    t.clock.advance(60_000);
    expect((await page(before)).rows.map((r) => [r.rule, r.severity])).toEqual([['TRANSFER_UNLAWFUL', 'LOW']]);
  });

  it('should say from when it counts before enforcement, and be CRITICAL from then on', async () => {
    const from = t.clock.iso(DAY);
    await expectOk(t.gql(CHANGE.enforcement, { at: from }, as.officer));
    const [scheduled] = await serviceFindings('maps');
    expect(scheduled).toMatchObject({ severity: 'LOW', message: expect.stringContaining(`counts from ${from}`) });
    const beforeEnforcement = t.clock.iso();
    t.clock.advance(DAY + 60_000);
    const [enforced] = await serviceFindings('maps');
    expect(enforced.severity).toBe('CRITICAL');
    expect(enforced.message).not.toContain('advisory');
    expect((await sweep()).map((f) => f.severity)).toEqual(['CRITICAL']);
    expect((await page()).rows.map((r) => r.severity)).toEqual(['CRITICAL']);
    // As of an instant before enforcement it was still LOW.
    expect((await page(beforeEnforcement)).rows.map((r) => r.severity)).toEqual(['LOW']);
  });

  it('should clear once an approved TIA covers the SCC transfer, and not for a past instant before the approval', async () => {
    const tia = await draftAssessment(t, as.geo, t.clock.now(), { kind: 'TIA', serviceKey: 'maps', sharingArrangementId: tiles.id, risks: [] });
    const submitted = await submitAssessment(t, as.geo, tia);
    t.clock.advance(60_000);
    const beforeApproval = t.clock.iso();
    t.clock.advance(60_000);
    expect((await approveAssessment(t, as.officer, submitted)).status).toBe('APPROVED');
    expect(await serviceFindings('maps')).toEqual([]);
    expect(await sweep()).toEqual([]);
    expect(await page()).toEqual({ totalCount: 0, rows: [] });
    expect((await page(beforeApproval)).rows.map((r) => [r.rule, r.severity])).toEqual([['TRANSFER_UNLAWFUL', 'CRITICAL']]);
  });

  it("should report it when the country's adequacy decision ends, for an arrangement resting on adequacy alone", async () => {
    const ends = new Date(t.clock.now().getTime() + 2 * DAY).toISOString();
    await expectOk(t.gql(CHANGE.adequacy, { i: { country: 'BR', validFrom: '2026-01-26T00:00:00Z', validUntil: ends, note: 'Brazil, until withdrawn' } }, as.officer));
    await registerProcessor(t, as.officer, 'lake', { country: 'BR', transferMechanism: 'ADEQUACY_DECISION' });
    await approveSharing('chat', 'lake', ['user.account']);
    expect(await serviceFindings('chat')).toEqual([]);
    const whileAdequate = t.clock.iso();
    t.clock.advance(3 * DAY);
    const [finding] = await serviceFindings('chat');
    expect(finding.severity).toBe('CRITICAL');
    expect(finding.message).toContain(`processor lake in BR: not lawful: the adequacy decision for BR ended on ${ends.slice(0, 10)}`);
    expect((await sweep()).map((f) => f.service!.key)).toEqual(['chat']);
    expect((await page()).totalCount).toBe(1);
    expect((await page(whileAdequate)).totalCount).toBe(0);
  });
});
