import { bulkInsertServicesWithPolicies, testDialects } from '@canopy/persistence';
import { startTestServer, TestServer } from '../../../testing/test-server';

const GLOBAL = [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }, { topic: 'RETENTION', subject: 'device.log', value: '90' }];
const SERVICE = [{ topic: 'SHARING', subject: 'device.log:third_party', value: 'ALLOWED' }, { topic: 'RETENTION', subject: 'device.log', value: '30' }];

/** Publishes global v1 then v2 over `count` services with service policies; returns v2's statement count. */
async function publishOver(t: TestServer, count: number): Promise<{ statements: number; open: number; superseded: number }> {
  await t.gql('mutation { createTeam(key: "bulk", name: "Bulk") { id } }');
  const officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
  await bulkInsertServicesWithPolicies(t.server.db.dataSource, { teamKey: 'bulk', count, clauses: SERVICE });
  await t.gql('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { id } }', {}, officer);
  const publish = async (number: number, clauses: typeof GLOBAL) => {
    await t.gql('mutation($c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: "general", clauses: $c }) { number } }', { c: clauses }, officer);
    const r = await t.gql('mutation($n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: "general", number: $n, effectiveAt: $at }) { number } }', { n: number, at: new Date().toISOString() }, officer);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.statements;
  };
  await publish(1, GLOBAL);
  const statements = await publish(2, GLOBAL.map((c) => (c.topic === 'RETENTION' ? { ...c, value: '60' } : c)));
  const conflicts = await t.gql('{ open: conflicts(status: OPEN) { id } superseded: conflicts(status: SUPERSEDED) { id } }', {}, officer);
  return { statements, open: conflicts.data!.open.length, superseded: conflicts.data!.superseded.length };
}

describe.each(testDialects())('publishing a global version at scale on %s', (dialect) => {
  it('should compare it with every service policy in the same number of SQL statements for 20 and 2,000 services', async () => {
    const small = await startTestServer(dialect);
    const large = await startTestServer(dialect);
    try {
      const few = await publishOver(small, 20);
      const many = await publishOver(large, 2000);
      expect(few).toMatchObject({ open: 20, superseded: 20 });
      expect(many).toMatchObject({ open: 2000, superseded: 2000 });
      expect(many.statements).toBe(few.statements);
      // 25, plus 6 for the notifications of section 8 (policy.published, conflict.opened: subscribed webhooks, officers, the teams' engineers),
      // plus 2 for the Merkle subtrees the audit append reads and writes in its transaction (section 10).
      expect(many.statements).toBeLessThanOrEqual(33);
    } finally {
      await small.close();
      await large.close();
    }
  });
});
