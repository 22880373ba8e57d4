import { testDialects } from '@canopy/persistence';
import { codeOf, expectConstantStatements, expectRefusal } from '../../../testing/test-server';
import { APPROVE, expectOk, item, PERMISSIVE_GLOBAL, propose, registerProcessor, SUBMIT } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, OFFICER_2, useWorld } from '../../../testing/world';

/**
 * TRANSFER_LAWFUL and DPIA_APPROVED (DESIGN.md section 9): advisory before
 * enforcement, blocking from it; an approved DPIA or TIA, made through the
 * assessment mutations, lets the approval through.
 */
const CHECKS = 'query($id: ID!) { sharingArrangement(id: $id) { status version checks { name passed message blocking } } }';
const TRANSFERS = 'query($id: ID!, $at: DateTime) { sharingArrangement(id: $id) { transfers(at: $at) { country lawful basis reason } } }';
const ENFORCE = 'mutation($at: DateTime!) { enforceAssessmentsFrom(from: $at) { from } }';
const QUESTIONNAIRE = 'query($k: AssessmentKind!) { assessmentQuestionnaire(kind: $k) { questions { id } } }';
const ASSESSMENT = 'id version status';
const DRAFT_A = `mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { ${ASSESSMENT} } }`;
const SUBMIT_A = `mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${ASSESSMENT} } }`;
const APPROVE_A = `mutation($i: DecideAssessmentInput!) { approveAssessment(input: $i) { ${ASSESSMENT} } }`;
const STATUS_A = 'query($id: ID!, $at: DateTime) { assessment(id: $id, at: $at) { status statusReason } }';
const UPDATE_PROCESSOR = 'mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { version } }';
const DAY = 24 * 3600 * 1000;
const SECTION_9 = ['TRANSFER_LAWFUL', 'DPIA_APPROVED'];
const RISK = { description: 'access by a foreign authority', likelihood: 'LOW', severity: 'MEDIUM', mitigation: 'encryption with keys held in the EU', residual: 'LOW' };

interface Check {
  name: string;
  passed: boolean;
  message: string;
  blocking: boolean;
}

describe.each(testDialects())('sharing checks TRANSFER_LAWFUL and DPIA_APPROVED on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, officer2: OFFICER_2, geo: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo' }],
    processors: ['eu'],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: { maps: [item('device.log'), item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION' }), item('user.account')] },
  });
  const { as } = t;

  /** Proposed by the geo engineer and submitted: PENDING_REVIEW. */
  async function pending(processorKey: string, dataCategories = ['device.log'], legalBasis = 'CONTRACT'): Promise<{ id: string; version: number }> {
    const a = await propose(t, as.geo, { serviceKey: 'maps', processorKey, dataCategories, legalBasis });
    const submitted = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, as.geo))).submitSharing;
    return { id: a.id, version: submitted.version };
  }
  const checksOf = async (id: string): Promise<Check[]> => (await expectOk(t.gql(CHECKS, { id }, as.officer))).sharingArrangement.checks;
  const section9 = async (id: string) => (await checksOf(id)).filter((c) => SECTION_9.includes(c.name));
  const approve = (a: { id: string; version: number }, token = as.officer) => t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version } }, token);
  const transfers = async (id: string, at?: string) => (await expectOk(t.gql(TRANSFERS, { id, at }, as.auditor))).sharingArrangement.transfers;

  /** Refused with CHECKS_FAILED naming exactly `names`, every table as it was, the arrangement still pending at its version. */
  async function expectBlocked(a: { id: string; version: number }, names: string[]): Promise<void> {
    const r = await expectRefusal(t, 'CHECKS_FAILED', () => approve(a));
    expect(r.errors![0].extensions!.failedChecks).toEqual(names);
    for (const name of names) expect(r.errors![0].message).toContain(name);
    expect(await expectOk(t.gql(CHECKS, { id: a.id }, as.officer))).toMatchObject({ sharingArrangement: { status: 'PENDING_REVIEW', version: a.version } });
  }

  /** An assessment drafted and submitted by the first officer, approved by the second: APPROVED. */
  async function approvedAssessment(input: { kind: 'DPIA' | 'TIA'; sharingArrangementId?: string }): Promise<string> {
    const questions = (await expectOk(t.gql(QUESTIONNAIRE, { k: input.kind }, as.officer))).assessmentQuestionnaire.questions as { id: string }[];
    const i = { serviceKey: 'maps', answers: questions.map((q) => ({ questionId: q.id, answer: `answer to ${q.id}` })), risks: [RISK], reviewDueAt: t.clock.iso(180 * DAY), ...input };
    const drafted = (await expectOk(t.gql(DRAFT_A, { i }, as.officer))).draftAssessment;
    const submitted = (await expectOk(t.gql(SUBMIT_A, { id: drafted.id, v: drafted.version }, as.officer))).submitAssessment;
    const approved = (await expectOk(t.gql(APPROVE_A, { i: { id: submitted.id, expectedVersion: submitted.version } }, as.officer2))).approveAssessment;
    expect(approved.status).toBe('APPROVED');
    return approved.id;
  }

  beforeAll(async () => {
    await registerProcessor(t, as.officer, 'plain-us', { country: 'US' });
    await registerProcessor(t, as.officer, 'dpf-us', { country: 'US', certifications: ['DPF'] });
    await registerProcessor(t, as.officer, 'japan', { country: 'JP' });
    await registerProcessor(t, as.officer, 'scc-us', { country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
  });

  describe('before enforcement: informative, never blocking, saying from when they count', () => {
    it('TRANSFER_LAWFUL failing alone: a US processor without DPF certification and no TIA; the approval succeeds', async () => {
      const a = await pending('plain-us');
      const [transfer, dpia] = await section9(a.id);
      expect(transfer).toMatchObject({ name: 'TRANSFER_LAWFUL', passed: false, blocking: false });
      expect(transfer.message).toContain('processor plain-us in US: not lawful');
      expect(transfer.message).toContain('(advisory: enforcement of assessments is not turned on)');
      expect(dpia).toMatchObject({ name: 'DPIA_APPROVED', passed: true, blocking: false });
      expect((await expectOk(approve(a))).approveSharing.status).toBe('APPROVED');
    });

    it('DPIA_APPROVED failing alone: a sensitive category and no DPIA; the approval succeeds', async () => {
      const a = await pending('eu', ['device.location'], 'CONSENT');
      const [transfer, dpia] = await section9(a.id);
      expect(transfer).toMatchObject({ passed: true, blocking: false });
      expect(dpia).toMatchObject({ name: 'DPIA_APPROVED', passed: false, blocking: false });
      expect(dpia.message).toContain('shares sensitive device.location but no approved, unexpired, current DPIA covers the service');
      expect((await expectOk(approve(a))).approveSharing).toMatchObject({ status: 'PENDING_REVIEW', version: a.version + 1 });
    });

    it('should name the instant enforcement starts once scheduled, still without blocking', async () => {
      const from = t.clock.iso(DAY);
      await expectOk(t.gql(ENFORCE, { at: from }, as.officer));
      const a = await pending('plain-us');
      const [transfer] = await section9(a.id);
      expect(transfer).toMatchObject({ passed: false, blocking: false, message: expect.stringContaining(`(advisory: counts from ${from})`) });
      expect((await expectOk(approve(a))).approveSharing.status).toBe('APPROVED');
      t.clock.advance(DAY + 1000);
    });
  });

  describe('once enforced: blocking, CHECKS_FAILED naming them, nothing changed', () => {
    it('TRANSFER_LAWFUL failing alone blocks the approval, and the message loses its advisory note', async () => {
      const a = await pending('plain-us');
      const [transfer, dpia] = await section9(a.id);
      expect(transfer).toMatchObject({ passed: false, blocking: true });
      expect(transfer.message).not.toContain('advisory');
      expect(dpia).toMatchObject({ passed: true, blocking: true });
      await expectBlocked(a, ['TRANSFER_LAWFUL']);
    });

    it('should keep the error order: a stale version is VERSION_CONFLICT before CHECKS_FAILED', async () => {
      const a = await pending('plain-us');
      await expectRefusal(t, 'VERSION_CONFLICT', () => approve({ id: a.id, version: a.version - 1 }));
      expect(codeOf(await approve(a, as.geo))).toBe('FORBIDDEN');
    });

    it('TRANSFER_LAWFUL passes for a DPF-certified US processor and for an adequate country', async () => {
      for (const key of ['dpf-us', 'japan']) {
        const a = await pending(key);
        const [transfer] = await section9(a.id);
        expect(transfer).toMatchObject({ passed: true, blocking: true, message: expect.stringContaining('on ADEQUACY_DECISION') });
        expect((await expectOk(approve(a))).approveSharing.status).toBe('APPROVED');
      }
    });

    it('DPIA_APPROVED failing alone blocks the approval, and passes once an approved DPIA covers the service', async () => {
      const a = await pending('eu', ['device.location'], 'CONSENT');
      await expectBlocked(a, ['DPIA_APPROVED']);
      await approvedAssessment({ kind: 'DPIA' });
      const [, dpia] = await section9(a.id);
      expect(dpia).toMatchObject({ passed: true, blocking: true, message: expect.stringContaining("the service's DPIA approved on") });
      expect((await expectOk(approve(a))).approveSharing).toMatchObject({ status: 'PENDING_REVIEW', version: a.version + 1 });
    });

    it('TRANSFER_LAWFUL: SCC without a TIA blocks; with an approved TIA it passes, and transfers(at) counts the TIA from its approval', async () => {
      const a = await pending('scc-us');
      const [transfer] = await section9(a.id);
      expect(transfer.message).toContain('STANDARD_CONTRACTUAL_CLAUSES needs an approved, unexpired, current TIA: no TIA covers the arrangement');
      await expectBlocked(a, ['TRANSFER_LAWFUL']);
      t.clock.advance(1000);
      const beforeTia = t.clock.iso();
      t.clock.advance(1000);
      await approvedAssessment({ kind: 'TIA', sharingArrangementId: a.id });

      expect(await transfers(a.id)).toEqual([expect.objectContaining({ country: 'US', lawful: true, basis: 'STANDARD_CONTRACTUAL_CLAUSES + TIA' })]);
      expect(await transfers(a.id, beforeTia)).toEqual([expect.objectContaining({ country: 'US', lawful: false, basis: null })]);
      expect((await section9(a.id))[0]).toMatchObject({ passed: true, message: expect.stringContaining('on STANDARD_CONTRACTUAL_CLAUSES + TIA') });
      expect((await expectOk(approve(a))).approveSharing.status).toBe('APPROVED');
    });

    it("should judge a TIA as of a past instant against the processor as it was then, not as it is now", async () => {
      const a = await pending('scc-us');
      const tia = await approvedAssessment({ kind: 'TIA', sharingArrangementId: a.id });
      t.clock.advance(1000);
      const beforeChange = t.clock.iso();
      t.clock.advance(1000);
      const { version } = (await expectOk(t.gql('{ processor(key: "scc-us") { version } }', {}, as.officer))).processor;
      await expectOk(t.gql(UPDATE_PROCESSOR, { i: { key: 'scc-us', expectedVersion: version, subProcessors: [{ name: 'Backup', country: 'FR' }] } }, as.officer));

      // Now the TIA is stale (the processor's sub-processors are content), so the US transfer is unlawful and blocks.
      expect(await expectOk(t.gql(STATUS_A, { id: tia }, as.auditor))).toEqual({ assessment: { status: 'STALE', statusReason: "the arrangement's content changed since it was assessed" } });
      expect((await transfers(a.id))[0]).toMatchObject({ country: 'US', lawful: false });
      await expectBlocked(a, ['TRANSFER_LAWFUL']);
      // Then, the processor had no sub-processor: the TIA covered what it assessed.
      expect(await expectOk(t.gql(STATUS_A, { id: tia, at: beforeChange }, as.auditor))).toEqual({ assessment: { status: 'APPROVED', statusReason: null } });
      expect(await transfers(a.id, beforeChange)).toEqual([expect.objectContaining({ country: 'US', lawful: true, basis: 'STANDARD_CONTRACTUAL_CLAUSES + TIA' })]);
    });
  });

  it('should list arrangements with the section 9 checks in a constant number of statements', async () => {
    const query = '{ sharingArrangements { id checks { name passed } transfers { lawful } } }';
    await expectConstantStatements(t, as.officer, query, 'sharingArrangements', 2, async () => {
      await pending('japan');
      await pending('scc-us');
    });
  });
});
