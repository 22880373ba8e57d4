import { AuditEventEntity, SharingApprovalEntity, SharingArrangementRevisionEntity, testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, TestServer } from '../../../testing/test-server';
import { APPROVE, createTeams, expectOk, item, PERMISSIVE_GLOBAL, propose, publishPolicy, registerProcessor, registerService, setInventory, SUBMIT } from '../../../testing/fixtures';

const ROUNDS = 50;

/**
 * Two officers approve the same version at the same moment. On MySQL the two
 * transactions really overlap (the conditional UPDATE on the version decides);
 * on SQLite writers are queued and the second sees the new version.
 */
describe.each(testDialects())('sharing arrangements: racing approvals on %s', (dialect) => {
  let t: TestServer;
  let officers: string[];
  let geo: string;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await createTeams(t, 'geo');
    officers = [await t.user('dpo1@x.test', ['PRIVACY_OFFICER']), await t.user('dpo2@x.test', ['PRIVACY_OFFICER'])];
    geo = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    await registerService(t, officers[0], 'maps', 'geo');
    await setInventory(t, geo, 'maps', [item('device.log'), item('device.location')]);
    await registerProcessor(t, officers[0], 'tiles');
    await publishPolicy(t, officers[0], 'general', PERMISSIVE_GLOBAL);
  });
  afterAll(() => t.close());

  it(`should let exactly one of two officers win, ${ROUNDS} rounds, leaving one approval row and one audit event`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const categories = round % 2 ? ['device.location'] : ['device.log'];
      const a = await propose(t, geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: categories, legalBasis: 'CONSENT' });
      const submitted = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, geo))).submitSharing;
      const eventsBefore = await t.server.db.manager.count(AuditEventEntity);

      const results = await Promise.all(officers.map((token) => t.gql(APPROVE, { i: { id: a.id, expectedVersion: submitted.version } }, token)));

      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => codeOf(r) === 'VERSION_CONFLICT');
      expect({ round, winners: winners.length, losers: losers.length }).toEqual({ round, winners: 1, losers: 1 });
      expect(winners[0].data!.approveSharing.version).toBe(submitted.version + 1);
      expect(winners[0].data!.approveSharing.status).toBe(categories[0] === 'device.log' ? 'APPROVED' : 'PENDING_REVIEW');
      expect(await t.server.db.manager.count(SharingApprovalEntity, { where: { arrangementId: a.id } })).toBe(1);
      expect(await t.server.db.manager.count(SharingArrangementRevisionEntity, { where: { arrangementId: a.id } })).toBe(3);
      expect(await t.server.db.manager.count(AuditEventEntity)).toBe(eventsBefore + 1);
    }
    const verification = await expectOk(t.gql('{ verifyAuditLog { ok } }', {}, officers[0]));
    expect(verification.verifyAuditLog.ok).toBe(true);
  });
});
