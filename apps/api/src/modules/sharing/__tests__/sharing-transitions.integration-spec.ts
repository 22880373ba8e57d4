import { SharingApprovalEntity, SharingArrangementRevisionEntity, testDialects } from '@canopy/persistence';
import { ADMIN_TOKEN, codeOf, expectConstantStatements, expectRefusal, tableCounts } from '../../../testing/test-server';
import {
  APPROVE,
  type ArrangementStatus,
  ARRANGEMENT_FIELDS,
  expectOk,
  item,
  PERMISSIVE_GLOBAL,
  propose,
  registerService,
  REJECT,
  REVOKE,
  setInventory,
  STEPS_TO,
  SUBMIT,
  WITHDRAW
} from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, OFFICER_2, OTHER_ENGINEER, useWorld } from '../../../testing/world';

type Status = ArrangementStatus;
type Action = 'submit' | 'approve' | 'reject' | 'revoke' | 'withdraw' | 'update';

const UPDATE = `mutation($i: UpdateSharingInput!) { updateSharing(input: $i) { ${ARRANGEMENT_FIELDS} } }`;
const ALLOWED: Record<Status, Action[]> = {
  DRAFT: ['submit', 'withdraw', 'update'],
  PENDING_REVIEW: ['approve', 'reject', 'withdraw'],
  APPROVED: ['revoke'],
  REJECTED: [],
  REVOKED: [],
  WITHDRAWN: [],
};
const RESULT: Record<Action, Status | null> = {
  submit: 'PENDING_REVIEW',
  approve: 'APPROVED',
  reject: 'REJECTED',
  revoke: 'REVOKED',
  withdraw: 'WITHDRAWN',
  update: 'DRAFT',
};
const STATUSES = Object.keys(ALLOWED) as Status[];
const ACTIONS: Action[] = ['submit', 'approve', 'reject', 'revoke', 'withdraw', 'update'];

describe.each(testDialects())('sharing arrangements: transitions on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: {
      officer: OFFICER,
      officer2: OFFICER_2,
      geo: ENGINEER,
      geo2: { email: 'geo2@x.test', roles: ['ENGINEER'], teams: ['geo'] },
      media: OTHER_ENGINEER,
      auditor: AUDITOR,
    },
    services: [{ key: 'maps', team: 'geo' }],
    processors: ['tiles'],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: { maps: [item('device.log'), item('device.location'), item('user.account')] },
  });
  const people = t.as;

  /** One action as the actor who may do it. */
  const act = (action: Action, id: string, version: number, as?: string) => {
    switch (action) {
      case 'submit':
        return t.gql(SUBMIT, { id, v: version }, as ?? people.geo);
      case 'withdraw':
        return t.gql(WITHDRAW, { id, v: version }, as ?? people.geo);
      case 'approve':
        return t.gql(APPROVE, { i: { id, expectedVersion: version, comment: 'fine' } }, as ?? people.officer);
      case 'reject':
        return t.gql(REJECT, { i: { id, expectedVersion: version, comment: 'no contract' } }, as ?? people.officer);
      case 'revoke':
        return t.gql(REVOKE, { i: { id, expectedVersion: version, comment: 'contract ended' } }, as ?? people.officer);
      case 'update':
        return t.gql(UPDATE, { i: { id, expectedVersion: version, purposes: ['service.provide'] } }, as ?? people.geo);
    }
  };
  const fieldOf = (action: Action) => ({ submit: 'submitSharing', withdraw: 'withdrawSharing', approve: 'approveSharing', reject: 'rejectSharing', revoke: 'revokeSharing', update: 'updateSharing' })[action];

  /** A fresh arrangement (device.log to tiles, one approval) driven to `status`. */
  async function arrangementIn(status: Status): Promise<{ id: string; version: number }> {
    const a = await propose(t, people.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
    let current = { id: a.id as string, version: a.version as number };
    for (const step of STEPS_TO[status]) {
      const r = await act(step, current.id, current.version);
      if (r.errors) throw new Error(`${step}: ${JSON.stringify(r.errors)}`);
      current = { id: current.id, version: r.data![fieldOf(step)].version };
    }
    return current;
  }

  describe('the happy paths', () => {
    it('should propose a DRAFT at version 1, requested by the proposer, with one required approval', async () => {
      const a = await propose(t, people.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log', 'device.log'], purposes: ['service.improve'] });
      expect(a).toMatchObject({
        status: 'DRAFT',
        version: 1,
        requiredApprovals: 1,
        dataCategories: ['device.log'],
        service: { key: 'maps' },
        processor: { key: 'tiles' },
        requestedBy: { email: 'geo@x.test' },
        approvals: [],
        submittedAt: null,
        decidedAt: null,
      });
    });

    it('should go DRAFT -> PENDING_REVIEW -> APPROVED -> REVOKED, +1 version and one audit event per change', async () => {
      const a = await propose(t, people.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
      const submitted = (await expectOk(t.gql(SUBMIT, { id: a.id, v: 1 }, people.geo))).submitSharing;
      expect(submitted).toMatchObject({ status: 'PENDING_REVIEW', version: 2 });
      expect(submitted.submittedAt).not.toBeNull();
      const approved = (await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: 2, comment: 'DPA checked' } }, people.officer))).approveSharing;
      expect(approved).toMatchObject({ status: 'APPROVED', version: 3, approvals: [{ approver: { email: 'dpo@x.test' }, comment: 'DPA checked' }] });
      expect(approved.decidedAt).not.toBeNull();
      const revoked = (await expectOk(t.gql(REVOKE, { i: { id: a.id, expectedVersion: 3, comment: '  contract ended ' } }, people.geo))).revokeSharing;
      expect(revoked).toMatchObject({ status: 'REVOKED', version: 4, decisionReason: 'contract ended' });

      const events = await expectOk(t.gql('query($id: String!) { auditEvents(filter: { entityType: "sharing", entityId: $id }) { edges { node { action } } } }', { id: a.id }, people.auditor));
      expect(events.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
        'sharing.proposed',
        'sharing.submitted',
        'sharing.approved',
        'sharing.revoked',
      ]);
    });

    it('should reject a PENDING_REVIEW arrangement with a reason', async () => {
      const a = await arrangementIn('PENDING_REVIEW');
      const r = (await expectOk(act('reject', a.id, a.version))).rejectSharing;
      expect(r).toMatchObject({ status: 'REJECTED', decisionReason: 'no contract', version: a.version + 1 });
    });

    it.each(['DRAFT', 'PENDING_REVIEW'] as Status[])('should let the requester withdraw from %s', async (status) => {
      const a = await arrangementIn(status);
      expect((await expectOk(act('withdraw', a.id, a.version))).withdrawSharing).toMatchObject({ status: 'WITHDRAWN', version: a.version + 1 });
    });

    it('should let another engineer of the owning team withdraw, and an officer who proposed it', async () => {
      const a = await arrangementIn('PENDING_REVIEW');
      expect((await expectOk(act('withdraw', a.id, a.version, people.geo2))).withdrawSharing.status).toBe('WITHDRAWN');
      const own = await propose(t, people.officer, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
      expect((await expectOk(act('withdraw', own.id, own.version, people.officer))).withdrawSharing.status).toBe('WITHDRAWN');
    });

    it('should change a DRAFT, recomputing requiredApprovals, and fix it at submit', async () => {
      const a = await arrangementIn('DRAFT');
      const updated = (await expectOk(t.gql(UPDATE, { i: { id: a.id, expectedVersion: a.version, dataCategories: ['device.log', 'device.location'], legalBasis: 'CONSENT' } }, people.geo)))
        .updateSharing;
      expect(updated).toMatchObject({ requiredApprovals: 2, legalBasis: 'CONSENT', version: a.version + 1, status: 'DRAFT' });
      const same = (await expectOk(t.gql(UPDATE, { i: { id: a.id, expectedVersion: updated.version, legalBasis: 'CONSENT' } }, people.geo))).updateSharing;
      expect(same.version).toBe(updated.version);
      const submitted = (await expectOk(act('submit', a.id, updated.version))).submitSharing;
      expect(submitted.requiredApprovals).toBe(2);
      expect(codeOf(await t.gql(UPDATE, { i: { id: a.id, expectedVersion: submitted.version, dataCategories: ['device.log'] } }, people.geo))).toBe('INVALID_TRANSITION');
    });
  });

  describe('every transition from every status', () => {
    const cases = STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action, ALLOWED[status].includes(action)] as const));

    it.each(cases)('from %s, %s: allowed = %s', async (status, action, allowed) => {
      const a = await arrangementIn(status);
      const before = await tableCounts(t.server);
      const r = await act(action, a.id, a.version);
      if (allowed) {
        expect(r.errors).toBeUndefined();
        const after = r.data![fieldOf(action)];
        expect(after.status).toBe(RESULT[action]);
        expect(after.version).toBe(a.version + 1);
      } else {
        expect(codeOf(r)).toBe('INVALID_TRANSITION');
        expect(await tableCounts(t.server)).toEqual(before);
        const now = (await expectOk(t.gql('query($id: ID!) { sharingArrangement(id: $id) { status version } }', { id: a.id }, people.auditor))).sharingArrangement;
        expect(now).toEqual({ status, version: a.version });
      }
    });
  });

  describe('stale versions', () => {
    it.each(ACTIONS)('should refuse a stale expectedVersion for %s with VERSION_CONFLICT, even where the transition is also invalid', async (action) => {
      const a = await arrangementIn(action === 'revoke' ? 'APPROVED' : action === 'submit' || action === 'update' ? 'DRAFT' : 'PENDING_REVIEW');
      const terminal = await arrangementIn('REVOKED');
      const before = await tableCounts(t.server);
      const stale = await act(action, a.id, a.version - 1 || 99);
      expect(codeOf(stale)).toBe('VERSION_CONFLICT');
      expect(stale.errors![0].extensions!.currentVersion).toBe(a.version);
      expect(codeOf(await act(action, terminal.id, terminal.version + 5))).toBe('VERSION_CONFLICT');
      expect(await tableCounts(t.server)).toEqual(before);
    });
  });

  describe('who may act', () => {
    it.each([
      ['propose for another team', () => t.gql(`mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id } }`, { i: { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' } }, people.media)],
      ['propose as an auditor', () => t.gql(`mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id } }`, { i: { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' } }, people.auditor)],
    ])('should refuse to %s with FORBIDDEN and write nothing', async (_case, call) => {
      await expectRefusal(t, 'FORBIDDEN', () => call());
    });

    it.each([
      ['submit', 'DRAFT', () => people.media],
      ['update', 'DRAFT', () => people.media],
      ['withdraw', 'DRAFT', () => people.media],
      ['withdraw', 'PENDING_REVIEW', () => people.officer],
      ['approve', 'PENDING_REVIEW', () => people.geo],
      ['reject', 'PENDING_REVIEW', () => people.geo],
      ['approve', 'PENDING_REVIEW', () => people.auditor],
      ['revoke', 'APPROVED', () => people.media],
      ['revoke', 'APPROVED', () => people.auditor],
      ['approve', 'PENDING_REVIEW', () => ADMIN_TOKEN],
    ] as [Action, Status, () => string][])('should refuse %s from %s by the wrong person with FORBIDDEN and write nothing', async (action, status, who) => {
      const a = await arrangementIn(status);
      await expectRefusal(t, 'FORBIDDEN', () => act(action, a.id, a.version, who()));
    });

    it('should let an officer propose for any service and submit it', async () => {
      const a = await propose(t, people.officer, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
      expect((await expectOk(act('submit', a.id, a.version, people.officer))).submitSharing.status).toBe('PENDING_REVIEW');
    });

    it('should answer UNAUTHENTICATED without credentials', async () => {
      expect(codeOf(await t.gql('{ sharingArrangements { id } }', {}, { token: undefined }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('bad input (BAD_USER_INPUT, nothing written)', () => {
    const PROPOSE = `mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id } }`;
    const good = { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' };

    it.each([
      ['no data category', { dataCategories: [] }, 'dataCategories'],
      ['an unknown data category', { dataCategories: ['device.log', 'device.gps'] }, 'dataCategories'],
      ['no purpose', { purposes: [] }, 'purposes'],
      ['an unknown purpose', { purposes: ['advertising'] }, 'purposes'],
      ['an unknown processor', { processorKey: 'ghost' }, 'processorKey'],
    ])('should refuse a proposal with %s', async (_case, change, argument) => {
      const before = await tableCounts(t.server);
      const r = await t.gql(PROPOSE, { i: { ...good, ...change } }, people.geo);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse an unknown legal basis in variables, and answer NOT_FOUND for an unknown service', async () => {
      expect(codeOf(await t.gql(PROPOSE, { i: { ...good, legalBasis: 'WHIM' } }, people.geo))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(PROPOSE, { i: { ...good, serviceKey: 'ghost' } }, people.geo))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(PROPOSE, { i: { ...good, serviceKey: 'ghost', purposes: [] } }, people.geo))).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['reject without a reason', 'reject', { comment: null }],
      ['reject with a blank reason', 'reject', { comment: '   ' }],
      ['approve with a comment over 2000 characters', 'approve', { comment: 'x'.repeat(2001) }],
      ['approve with expectedVersion 0', 'approve', { expectedVersion: 0 }],
      ['approve with a malformed id', 'approve', { id: 'not-an-id' }],
    ])('should refuse to %s', async (_case, action, change) => {
      const a = await arrangementIn('PENDING_REVIEW');
      const before = await tableCounts(t.server);
      const mutation = action === 'reject' ? REJECT : APPROVE;
      const r = await t.gql(mutation, { i: { id: a.id, expectedVersion: a.version, comment: 'ok', ...change } }, people.officer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse to revoke without a reason, and submit or withdraw with a malformed id or version', async () => {
      const a = await arrangementIn('APPROVED');
      expect(codeOf(await t.gql(REVOKE, { i: { id: a.id, expectedVersion: a.version } }, people.officer))).toBe('BAD_USER_INPUT');
      const d = await arrangementIn('DRAFT');
      expect(codeOf(await t.gql(SUBMIT, { id: 'x', v: 1 }, people.geo))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(SUBMIT, { id: d.id, v: 0 }, people.geo))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(WITHDRAW, { id: d.id, v: -1 }, people.geo))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE, { i: { id: d.id, expectedVersion: d.version, dataCategories: ['nope'] } }, people.geo))).toBe('BAD_USER_INPUT');
    });
  });

  describe('error precedence', () => {
    const unknownId = '00000000-0000-4000-8000-000000000000';

    it('should answer FORBIDDEN before BAD_USER_INPUT, BAD_USER_INPUT before NOT_FOUND, NOT_FOUND before VERSION_CONFLICT', async () => {
      expect(codeOf(await t.gql(APPROVE, { i: { id: 'bad', expectedVersion: 1 } }, people.geo))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(REJECT, { i: { id: unknownId, expectedVersion: 1 } }, people.officer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(APPROVE, { i: { id: unknownId, expectedVersion: 1 } }, people.officer))).toBe('NOT_FOUND');
      const a = await arrangementIn('DRAFT');
      expect(codeOf(await t.gql(WITHDRAW, { id: a.id, v: 0 }, people.media))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SUBMIT, { id: unknownId, v: 0 }, people.geo))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(SUBMIT, { id: unknownId, v: 1 }, people.geo))).toBe('NOT_FOUND');
    });

    it('should answer VERSION_CONFLICT before INVALID_TRANSITION, and INVALID_TRANSITION before CHECKS_FAILED', async () => {
      const a = await arrangementIn('DRAFT');
      expect(codeOf(await t.gql(APPROVE, { i: { id: a.id, expectedVersion: 7 } }, people.officer))).toBe('VERSION_CONFLICT');
      // The officer requested this one (SEPARATION_OF_DUTIES would fail), but it is not PENDING_REVIEW.
      const own = await propose(t, people.officer, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
      expect(codeOf(await t.gql(APPROVE, { i: { id: own.id, expectedVersion: own.version } }, people.officer))).toBe('INVALID_TRANSITION');
      const submitted = (await expectOk(act('submit', own.id, own.version, people.officer))).submitSharing;
      expect(codeOf(await t.gql(APPROVE, { i: { id: own.id, expectedVersion: submitted.version } }, people.officer))).toBe('CHECKS_FAILED');
    });
  });

  describe('history', () => {
    it('should read arrangements as of an instant: status, version and approvals then', async () => {
      await registerService(t, people.officer, 'timeline', 'geo');
      await setInventory(t, people.geo, 'timeline', [item('device.location')]);
      const a = await propose(t, people.geo, { serviceKey: 'timeline', processorKey: 'tiles', dataCategories: ['device.location'] });
      t.clock.advance(5);
      const t1 = t.clock.iso();
      t.clock.advance(5);
      const s = (await expectOk(act('submit', a.id, 1))).submitSharing;
      await expectOk(act('approve', a.id, s.version, people.officer));
      t.clock.advance(5);
      const t2 = t.clock.iso();
      t.clock.advance(5);
      await expectOk(act('approve', a.id, s.version + 1, people.officer2));

      const asOf = async (at: string | null) =>
        (
          await expectOk(
            t.gql('query($at: DateTime) { service(key: "timeline") { sharingArrangements(at: $at) { status version asOf approvals { approver { email } } } } }', { at }, people.auditor),
          )
        ).service.sharingArrangements;
      expect(await asOf(new Date(Date.parse(t1) - 60_000).toISOString())).toEqual([]);
      expect(await asOf(t1)).toEqual([{ status: 'DRAFT', version: 1, asOf: t1, approvals: [] }]);
      expect(await asOf(t2)).toEqual([{ status: 'PENDING_REVIEW', version: 3, asOf: t2, approvals: [{ approver: { email: 'dpo@x.test' } }] }]);
      expect(await asOf(null)).toEqual([{ status: 'APPROVED', version: 4, asOf: null, approvals: [{ approver: { email: 'dpo@x.test' } }, { approver: { email: 'dpo2@x.test' } }] }]);

      const root = await expectOk(t.gql('query($at: DateTime, $id: ID!) { sharingArrangements(status: PENDING_REVIEW, at: $at) { id } sharingArrangement(id: $id, at: $at) { status } }', { at: t2, id: a.id }, people.auditor));
      expect(root.sharingArrangements.map((x: { id: string }) => x.id)).toContain(a.id);
      expect(root.sharingArrangement.status).toBe('PENDING_REVIEW');

      const revisions = await t.server.db.manager.find(SharingArrangementRevisionEntity, { where: { arrangementId: a.id }, order: { version: 'ASC' } });
      expect(revisions.map((r) => [r.version, r.action, r.validTo === null])).toEqual([
        [1, 'proposed', false],
        [2, 'submitted', false],
        [3, 'approved', false],
        [4, 'approved', true],
      ]);
      expect(await t.server.db.manager.count(SharingApprovalEntity, { where: { arrangementId: a.id } })).toBe(2);
    });
  });

  describe('queries', () => {
    it('should filter by status, list a service\'s and a processor\'s arrangements, and return null for an unknown id', async () => {
      const r = await expectOk(
        t.gql('{ approved: sharingArrangements(status: APPROVED) { status } service(key: "maps") { sharingArrangements(status: DRAFT) { status } } processor(key: "tiles") { sharingArrangements { id } } }', {}, people.media),
      );
      expect(r.approved.length).toBeGreaterThan(0);
      expect(r.approved.every((a: { status: string }) => a.status === 'APPROVED')).toBe(true);
      expect(r.service.sharingArrangements.every((a: { status: string }) => a.status === 'DRAFT')).toBe(true);
      expect(r.processor.sharingArrangements.length).toBeGreaterThan(r.approved.length);
      const none = await expectOk(t.gql('{ a: sharingArrangement(id: "00000000-0000-4000-8000-000000000000") { id } b: sharingArrangement(id: "nope") { id } }', {}, people.media));
      expect(none).toEqual({ a: null, b: null });
    });

    it('should list arrangements with their checks in a constant number of statements', async () => {
      const query = `{ sharingArrangements { id service { key } processor { key } requestedBy { email } approvals { approver { email } } checks { name passed } } }`;
      await expectConstantStatements(t, people.officer, query, 'sharingArrangements', 2, async () => {
        await arrangementIn('APPROVED');
        await arrangementIn('PENDING_REVIEW');
      });
    });
  });
});
