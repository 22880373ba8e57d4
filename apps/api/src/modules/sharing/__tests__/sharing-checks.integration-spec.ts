import { AuditEventEntity, SharingApprovalEntity, testDialects } from '@canopy/persistence';
import { codeOf, tableCounts } from '../../../testing/test-server';
import {
  APPROVE,
  expectOk,
  item,
  PERMISSIVE_GLOBAL,
  propose,
  publishPolicy,
  registerProcessor,
  setInventory,
  SUBMIT
} from '../../../testing/fixtures';
import { ENGINEER, OFFICER, OFFICER_2, useWorld } from '../../../testing/world';

const CHECKS = `query($id: ID!) { sharingArrangement(id: $id) { version checks { name passed message blocking } } }`;
const DAY = 24 * 3600 * 1000;

describe.each(testDialects())('sharing arrangements: live checks and four eyes on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, officer2: OFFICER_2, geo: ENGINEER },
    services: [
      { key: 'maps', team: 'geo' },
      { key: 'strict', team: 'geo' },
    ],
    processors: ['tiles'],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: {
      maps: [item('device.log'), item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION' }), item('user.account')],
      strict: [item('device.log')],
    },
  });
  const people = t.as;

  /** Proposed by the geo engineer, submitted: PENDING_REVIEW. */
  async function pending(input: Record<string, unknown>, as = people.geo): Promise<{ id: string; version: number; requiredApprovals: number }> {
    const a = await propose(t, as, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'], ...input });
    const s = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, as))).submitSharing;
    return { id: a.id, version: s.version, requiredApprovals: s.requiredApprovals };
  }

  /** The approval is refused naming exactly `names`, and nothing is written. */
  async function expectRefused(a: { id: string; version: number }, names: string[], as = people.officer): Promise<void> {
    const before = await tableCounts(t.server);
    const head = await t.server.db.manager.count(AuditEventEntity);
    const r = await t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version } }, as);
    expect(codeOf(r)).toBe('CHECKS_FAILED');
    expect(r.errors![0].extensions!.failedChecks).toEqual(names);
    for (const name of names) expect(r.errors![0].message).toContain(name);
    expect(await tableCounts(t.server)).toEqual(before);
    expect(await t.server.db.manager.count(AuditEventEntity)).toBe(head);
    const now = (await expectOk(t.gql('query($id: ID!) { sharingArrangement(id: $id) { status version } }', { id: a.id }, people.officer))).sharingArrangement;
    expect(now).toEqual({ status: 'PENDING_REVIEW', version: a.version });
  }

  beforeAll(async () => {
    await registerProcessor(t, people.officer, 'unsigned', { dpaSignedAt: null, dpaExpiresAt: null });
    await registerProcessor(t, people.officer, 'lapsed', { dpaSignedAt: new Date(Date.now() - 400 * DAY).toISOString(), dpaExpiresAt: new Date(Date.now() - DAY).toISOString() });
    // A service policy stricter than the global one: sharing device.log with third parties needs consent.
    await publishPolicy(t, people.officer, 'strict-policy', [{ topic: 'SHARING', subject: 'device.log:third_party', value: 'CONSENT' }], 'strict');
  });

  it('should show the five checks in order, all blocking ones passed, SECOND_APPROVAL informative, then the two of section 9, advisory', async () => {
    const a = await pending({});
    const checks = (await expectOk(t.gql(CHECKS, { id: a.id }, people.officer))).sharingArrangement.checks;
    const names = checks.map((c: { name: string }) => c.name);
    expect(names).toEqual(['DPA_VALID', 'CATEGORIES_IN_INVENTORY', 'POLICY_PERMITS_SHARING', 'SEPARATION_OF_DUTIES', 'SECOND_APPROVAL', 'TRANSFER_LAWFUL', 'DPIA_APPROVED']);
    expect(checks.filter((c: { blocking: boolean }) => c.blocking).every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(checks[4]).toMatchObject({ name: 'SECOND_APPROVAL', passed: false, blocking: false, message: '0 of 1 required approval(s) from distinct officers' });
    expect(checks.slice(5)).toEqual([
      expect.objectContaining({ name: 'TRANSFER_LAWFUL', passed: true, blocking: false, message: 'every recipient is inside the home region EEA' }),
      expect.objectContaining({ name: 'DPIA_APPROVED', passed: true, blocking: false }),
    ]);
    const approved = (await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version } }, people.officer))).approveSharing;
    expect(approved.status).toBe('APPROVED');
    expect(approved.checks.find((c: { name: string }) => c.name === 'SECOND_APPROVAL').passed).toBe(true);
  });

  describe('each blocking check failing alone refuses the approval with CHECKS_FAILED naming it', () => {
    it('DPA_VALID: a processor without a signed DPA', async () => {
      await expectRefused(await pending({ processorKey: 'unsigned' }), ['DPA_VALID']);
    });

    it('DPA_VALID: a processor whose DPA expired', async () => {
      const a = await pending({ processorKey: 'lapsed' });
      const checks = (await expectOk(t.gql(CHECKS, { id: a.id }, people.officer))).sharingArrangement.checks;
      expect(checks[0]).toMatchObject({ name: 'DPA_VALID', passed: false });
      expect(checks[0].message).toContain('expired');
      await expectRefused(a, ['DPA_VALID']);
    });

    it("CATEGORIES_IN_INVENTORY: a category the service's inventory does not hold", async () => {
      await expectRefused(await pending({ dataCategories: ['user.contact.email'] }), ['CATEGORIES_IN_INVENTORY']);
    });

    it('POLICY_PERMITS_SHARING: the effective policy needs consent and the legal basis is a contract', async () => {
      const refused = await pending({ serviceKey: 'strict', legalBasis: 'CONTRACT' });
      await expectRefused(refused, ['POLICY_PERMITS_SHARING']);
      const twin = await pending({ serviceKey: 'strict', legalBasis: 'CONSENT' });
      expect((await expectOk(t.gql(APPROVE, { i: { id: twin.id, expectedVersion: twin.version } }, people.officer))).approveSharing.status).toBe('APPROVED');
    });

    it('SEPARATION_OF_DUTIES: the officer who requested it approves it', async () => {
      await expectRefused(await pending({}, people.officer), ['SEPARATION_OF_DUTIES']);
    });

    it('several at once: named in the contract order', async () => {
      await expectRefused(await pending({ processorKey: 'unsigned', dataCategories: ['user.contact.email'] }, people.officer), ['DPA_VALID', 'CATEGORIES_IN_INVENTORY', 'SEPARATION_OF_DUTIES']);
    });

    it('should re-evaluate live: fixing the inventory lets the same approval through', async () => {
      const a = await pending({ dataCategories: ['user.contact.phone'] });
      await expectRefused(a, ['CATEGORIES_IN_INVENTORY']);
      await setInventory(t, people.geo, 'maps', [item('device.log'), item('device.location'), item('user.account'), item('user.contact.phone')]);
      expect((await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version } }, people.officer))).approveSharing.status).toBe('APPROVED');
    });
  });

  describe('four eyes on a sensitive category', () => {
    it('should need two distinct officers, refuse the same officer twice, and approve on the second', async () => {
      const a = await pending({ dataCategories: ['device.location'], legalBasis: 'CONSENT' });
      expect(a.requiredApprovals).toBe(2);

      const first = (await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version, comment: 'first' } }, people.officer))).approveSharing;
      expect(first).toMatchObject({ status: 'PENDING_REVIEW', version: a.version + 1, decidedAt: null });
      expect(first.approvals).toEqual([expect.objectContaining({ approver: { email: 'dpo@x.test' }, comment: 'first' })]);
      expect(first.checks.find((c: { name: string }) => c.name === 'SECOND_APPROVAL')).toMatchObject({ passed: false, message: '1 of 2 required approval(s) from distinct officers' });

      await expectRefused({ id: a.id, version: first.version }, ['SEPARATION_OF_DUTIES'], people.officer);
      expect(await t.server.db.manager.count(SharingApprovalEntity, { where: { arrangementId: a.id } })).toBe(1);

      const second = (await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: first.version } }, people.officer2))).approveSharing;
      expect(second).toMatchObject({ status: 'APPROVED', version: a.version + 2 });
      expect(second.decidedAt).not.toBeNull();
      expect(second.approvals.map((x: { approver: { email: string } }) => x.approver.email)).toEqual(['dpo@x.test', 'dpo2@x.test']);
      expect(second.checks.find((c: { name: string }) => c.name === 'SECOND_APPROVAL').passed).toBe(true);
    });

    it('should count a parent category that covers a sensitive one as sensitive', async () => {
      expect((await pending({ dataCategories: ['device'] })).requiredApprovals).toBe(2);
      expect((await pending({ dataCategories: ['user.contact'] })).requiredApprovals).toBe(1);
      expect((await pending({ dataCategories: ['user'] })).requiredApprovals).toBe(2); // user.biometric and user.minor are below it
    });

    it('should judge SEPARATION_OF_DUTIES for the officer looking, and leave it to approval time for others', async () => {
      const a = await pending({ dataCategories: ['device.location'], legalBasis: 'CONSENT' });
      await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version } }, people.officer));
      const sod = async (as: string) =>
        (await expectOk(t.gql(CHECKS, { id: a.id }, as))).sharingArrangement.checks.find((c: { name: string }) => c.name === 'SEPARATION_OF_DUTIES');
      expect(await sod(people.officer)).toMatchObject({ passed: false, message: 'you approved this arrangement already: the next approval must come from another officer' });
      expect(await sod(people.officer2)).toMatchObject({ passed: true });
      expect(await sod(people.geo)).toMatchObject({ passed: true, message: 'checked against the approving officer at approval time' });
      // Once approved, nobody approves it any more: the officers who did are told so, never shown a failed check.
      const current = (await expectOk(t.gql(CHECKS, { id: a.id }, people.officer2))).sharingArrangement;
      await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: current.version } }, people.officer2));
      for (const officer of [people.officer, people.officer2]) {
        expect(await sod(officer)).toEqual(expect.objectContaining({ passed: true, blocking: true, message: 'you approved this arrangement; separation of duties was checked when you did' }));
      }
    });
  });
});
