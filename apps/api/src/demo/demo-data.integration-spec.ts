import { testDialects } from '@canopy/persistence';
import { useWorld } from '../testing/world';
import { DEMO_PASSWORD } from './demo-data';

describe.each(testDialects())('demo data on %s', (dialect) => {
  const t = useWorld(dialect, { env: { CANOPY_DEMO: 'true' } });
  let cookie: string;
  const gql = (query: string) => t.gql(query, {}, { cookie });
  beforeAll(async () => {
    cookie = await t.signIn({ email: 'admin@canopy.demo', password: DEMO_PASSWORD });
  });

  it('should load teams, a user of each role and the demo services', async () => {
    const r = await gql('{ teams { key } users { email roles } services { totalCount edges { node { key } } } }');
    expect(r.data!.teams.map((x: { key: string }) => x.key)).toEqual(['geo', 'media', 'mobile']);
    const roles = new Set(r.data!.users.flatMap((u: { roles: string[] }) => u.roles));
    expect([...roles].sort()).toEqual(['ADMIN', 'AUDITOR', 'ENGINEER', 'PRIVACY_OFFICER']);
    expect(r.data!.services.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual(['lens', 'maps', 'moments']);
  });

  it('should have published the general policy with a scheduled amendment announced', async () => {
    const r = await gql('{ policy(key: "general") { currentVersion { number } versions { number status materialReduction notice { channels } } } }');
    expect(r.data!.policy.currentVersion.number).toBe(1);
    expect(r.data!.policy.versions[1]).toMatchObject({ number: 2, status: 'PUBLISHED', materialReduction: true, notice: { channels: ['EMAIL', 'HOMEPAGE_BANNER'] } });
  });

  it('should have a stricter override, an OPEN conflict and one resolved each way', async () => {
    const r = await gql('{ conflicts { subject status resolution service { key } } lens: effectivePolicy(serviceKey: "lens") { clauses { topic subject value source } } }');
    const bySubject = Object.fromEntries(r.data!.conflicts.filter((c: { status: string }) => c.status !== 'SUPERSEDED').map((c: { subject: string }) => [c.subject, c]));
    expect(bySubject['device.log']).toMatchObject({ status: 'OPEN', service: { key: 'lens' } });
    expect(bySubject['device.location:third_party']).toMatchObject({ status: 'RESOLVED', resolution: 'SERVICE_PREVAILS' });
    expect(bySubject['user.content']).toMatchObject({ status: 'RESOLVED', resolution: 'GLOBAL_PREVAILS' });
    const lens = r.data!.lens.clauses;
    expect(lens).toEqual(expect.arrayContaining([{ topic: 'RETENTION', subject: 'device.camera', value: '30', source: 'SERVICE' }]));
  });

  it('should log every demo change in a verified audit chain', async () => {
    expect((await gql('{ verifyAuditLog { ok checkedEvents } }')).data!.verifyAuditLog).toMatchObject({ ok: true });
  });
});
