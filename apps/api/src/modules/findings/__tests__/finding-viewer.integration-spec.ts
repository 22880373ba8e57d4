import { testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, TestServer } from '../../../testing/test-server';
import { oneViewerPerRole, type ViewerRole } from '../../../testing/viewer-roles';
import { expectOk, item, publishPolicy, registerService, setInventory } from '../../../testing/fixtures';

const FINDINGS = 'query { findings(serviceKey: "logs") { rule dataCategory accepted viewerCanAccept } }';
const ACCEPT = 'mutation($i: AcceptFindingInput!) { acceptFinding(input: $i) { id } }';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(testDialects())('Finding.viewerCanAccept on %s', (dialect) => {
  let t: TestServer;
  let as: Record<ViewerRole, string>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    as = await oneViewerPerRole(t);
    await publishPolicy(t, as.officer, 'general', [
      { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
      { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
      { topic: 'RETENTION', subject: 'device.log', value: '90' },
    ]);
    await registerService(t, as.officer, 'logs', 'geo');
    await setInventory(t, as.owningEngineer, 'logs', [item('device.log', { retentionDays: null })]);
  });
  afterAll(() => t.close());

  it('should offer acceptance exactly to those the API lets accept: officers', async () => {
    const disagreements: string[] = [];
    for (const [who, token] of Object.entries(as)) {
      const [finding] = (await expectOk(t.gql(FINDINGS, {}, token))).findings;
      expect(finding).toMatchObject({ rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log' });
      const accepted = await t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: finding.rule, dataCategory: finding.dataCategory, rationale: 'legal hold', expiresAt: inDays(30) } }, token);
      if (!accepted.errors !== finding.viewerCanAccept) disagreements.push(`${who} accepts: offered ${finding.viewerCanAccept}, API ${codeOf(accepted) ?? 'ok'}`);
      expect(finding.viewerCanAccept).toBe(who === 'officer');
    }
    expect(disagreements).toEqual([]);
  });
});
