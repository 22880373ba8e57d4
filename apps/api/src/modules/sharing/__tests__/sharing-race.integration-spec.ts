import { AuditEventEntity, SharingApprovalEntity, SharingArrangementRevisionEntity, testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import { APPROVE, expectOk, item, PERMISSIVE_GLOBAL, propose, SUBMIT } from '../../../testing/fixtures';
import { ENGINEER, OFFICER, OFFICER_2, useWorld } from '../../../testing/world';

const ROUNDS = 50;

/**
 * Two officers approve the same version at the same moment. On MySQL the two
 * transactions really overlap (the conditional UPDATE on the version decides);
 * on SQLite writers are queued and the second sees the new version.
 */
describe.each(testDialects())('sharing arrangements: racing approvals on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: { ...OFFICER, email: 'dpo1@x.test' }, officer2: OFFICER_2, geo: ENGINEER },
    services: [{ key: 'maps', team: 'geo' }],
    processors: ['tiles'],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: { maps: [item('device.log'), item('device.location')] },
  });

  it(`should let exactly one of two officers win, ${ROUNDS} rounds, leaving one approval row and one audit event`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const categories = round % 2 ? ['device.location'] : ['device.log'];
      const a = await propose(t, t.as.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: categories, legalBasis: 'CONSENT' });
      const submitted = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, t.as.geo))).submitSharing;
      const eventsBefore = await t.server.db.manager.count(AuditEventEntity);

      const results = await Promise.all([t.as.officer, t.as.officer2].map((token) => t.gql(APPROVE, { i: { id: a.id, expectedVersion: submitted.version } }, token)));

      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => codeOf(r) === 'VERSION_CONFLICT');
      expect({ round, winners: winners.length, losers: losers.length }).toEqual({ round, winners: 1, losers: 1 });
      expect(winners[0].data!.approveSharing.version).toBe(submitted.version + 1);
      expect(winners[0].data!.approveSharing.status).toBe(categories[0] === 'device.log' ? 'APPROVED' : 'PENDING_REVIEW');
      expect(await t.server.db.manager.count(SharingApprovalEntity, { where: { arrangementId: a.id } })).toBe(1);
      expect(await t.server.db.manager.count(SharingArrangementRevisionEntity, { where: { arrangementId: a.id } })).toBe(3);
      expect(await t.server.db.manager.count(AuditEventEntity)).toBe(eventsBefore + 1);
    }
    const verification = await expectOk(t.gql('{ verifyAuditLog { ok } }', {}, t.as.officer));
    expect(verification.verifyAuditLog.ok).toBe(true);
  });
});
