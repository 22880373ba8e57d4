import { testDialects } from '@canopy/persistence';
import { useWorld } from '../testing/world';
import { DEMO_PASSWORD } from './demo-data';

describe.each(testDialects())('demo inventories, processors and sharing on %s', (dialect) => {
  const t = useWorld(dialect, { env: { CANOPY_DEMO: 'true' } });
  let auditor: { cookie: string };
  beforeAll(async () => {
    auditor = { cookie: await t.signIn({ email: 'auditor@canopy.demo', password: DEMO_PASSWORD }) };
  });

  it('should give each demo service an inventory modelled on the reference policy', async () => {
    const r = await t.gql('{ services { edges { node { key inventory { dataCategory devicePermission publiclyVisible } } } } }', {}, auditor);
    const byKey = Object.fromEntries(r.data!.services.edges.map((e: { node: { key: string; inventory: { dataCategory: string }[] } }) => [e.node.key, e.node.inventory.map((i) => i.dataCategory)]));
    expect(byKey.lens).toEqual(expect.arrayContaining(['device.camera', 'device.microphone', 'device.log']));
    expect(byKey.maps).toEqual(expect.arrayContaining(['device.location', 'device.log']));
    expect(byKey.moments).toEqual(expect.arrayContaining(['user.content.image', 'user.content.video']));
  });

  it('should have a processor with an expired DPA, one expiring within 30 days, and arrangements in every state', async () => {
    const r = await t.gql('{ processors { key dpaValid dpaExpiresAt } sharingArrangements { status requiredApprovals approvals { at } service { key } processor { key } } }', {}, auditor);
    expect(r.errors).toBeUndefined();
    const processors = r.data!.processors as { key: string; dpaValid: boolean; dpaExpiresAt: string }[];
    expect(processors.find((p) => p.key === 'crashcloud')).toMatchObject({ dpaValid: false });
    const soon = processors.find((p) => p.key === 'voicely')!;
    expect(soon.dpaValid).toBe(true);
    expect(Date.parse(soon.dpaExpiresAt) - Date.now()).toBeLessThan(30 * 24 * 3600 * 1000);
    const arrangements = r.data!.sharingArrangements as { status: string; requiredApprovals: number; approvals: unknown[]; processor: { key: string } }[];
    expect([...new Set(arrangements.map((a) => a.status))].sort()).toEqual(['APPROVED', 'DRAFT', 'PENDING_REVIEW', 'REJECTED', 'REVOKED', 'WITHDRAWN']);
    expect(arrangements.find((a) => a.status === 'PENDING_REVIEW')).toMatchObject({ requiredApprovals: 2, approvals: [expect.anything()], processor: { key: 'voicely' } });
  });

  it('should show findings, among them an accepted one and an invalid DPA', async () => {
    const r = await t.gql('{ findings(serviceKey: "lens") { rule dataCategory accepted } }', {}, auditor);
    const rules = r.data!.findings as { rule: string; dataCategory: string | null; accepted: boolean }[];
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'PROCESSOR_DPA_INVALID' }), expect.objectContaining({ rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', accepted: true })]));
  });
});
