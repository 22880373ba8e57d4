import { testDialects } from '@canopy/persistence';
import type { Clock } from './common/clock';
import { startTestServer, TestServer } from './testing/test-server';

/** A clock the test sets by hand: time moves only when the test says so. */
class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

const EVENTS = '{ auditEvents(first: 500) { edges { node { seq at action entityId } } } }';

describe.each(testDialects())('the injected clock on %s', (dialect) => {
  const clock = new ManualClock(new Date('2031-03-01T12:00:00.000Z'));
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, {}, { clock });
  });
  afterAll(() => t.close());

  const events = async () => ((await t.gql(EVENTS)).data!.auditEvents.edges as { node: { seq: number; at: string; action: string; entityId: string } }[]).map((e) => e.node);

  it('should date a write with the clock, and never earlier than the last committed write', async () => {
    clock.set('2031-03-02T09:00:00.000Z');
    expect((await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }')).errors).toBeUndefined();
    clock.set('2031-03-01T08:00:00.000Z'); // a server whose clock is a day behind
    expect((await t.gql('mutation { createTeam(key: "maps", name: "Maps") { id } }')).errors).toBeUndefined();

    const byTeam = new Map((await events()).map((e) => [e.entityId, e]));
    expect(byTeam.get('geo')!.at).toBe('2031-03-02T09:00:00.000Z');
    expect(byTeam.get('maps')!.at).toBe('2031-03-02T09:00:00.000Z');
    expect(byTeam.get('maps')!.seq).toBeGreaterThan(byTeam.get('geo')!.seq);
  });

  it("should read every 'now' of a request at the clock's one instant", async () => {
    const officer = await t.user('dpo@clock.test', ['PRIVACY_OFFICER']);
    const registered = await t.gql('mutation { registerService(input: { key: "tiles", name: "Tiles", teamKey: "geo" }) { id } }', {}, officer);
    expect(registered.errors).toBeUndefined();
    clock.set('2031-06-01T00:00:00.000Z');
    const read = await t.gql('{ effectivePolicy(serviceKey: "tiles") { at } service(key: "tiles") { effectivePolicy { at } } }', {}, officer);
    expect(read.errors).toBeUndefined();
    expect(read.data!.effectivePolicy.at).toBe('2031-06-01T00:00:00.000Z');
    expect(read.data!.service.effectivePolicy.at).toBe('2031-06-01T00:00:00.000Z');
  });
});
