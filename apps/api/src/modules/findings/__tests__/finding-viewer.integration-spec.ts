import { testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import { useViewerWorld } from '../../../testing/viewer-roles';
import { expectOk, item, RETENTION_90_GLOBAL } from '../../../testing/fixtures';

const FINDINGS = 'query { findings(serviceKey: "logs") { rule dataCategory accepted viewerCanAccept } }';
const ACCEPT = 'mutation($i: AcceptFindingInput!) { acceptFinding(input: $i) { id } }';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(testDialects())('Finding.viewerCanAccept on %s', (dialect) => {
  const t = useViewerWorld(dialect, { globalPolicy: RETENTION_90_GLOBAL, services: [{ key: 'logs', team: 'geo' }], inventory: { logs: [item('device.log', { retentionDays: null })] } });
  const { as } = t;

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
