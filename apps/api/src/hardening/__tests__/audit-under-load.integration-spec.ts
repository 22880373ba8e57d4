import { testDialects } from '@canopy/persistence';
import { useWorld } from '../../testing/world';

/**
 * The soak found it: verifyAuditLog read the head after the events, so a write
 * committed in between looked like a cut tail. An auditor verifying while the
 * system works must always get `ok`.
 */
describe.each(testDialects())('verifying the audit chain under concurrent writes on %s', (dialect) => {
  const t = useWorld(dialect);

  it('should report the chain intact while writes commit during the check', async () => {
    const base = (await t.gql('{ verifyAuditLog { checkedEvents } }')).data!.verifyAuditLog.checkedEvents as number;
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; writing; i++) {
        const r = await t.gql('mutation($k: String!) { createTeam(key: $k, name: "Busy") { key } }', { k: `busy-${w}-${i}` });
        if (!r.errors) written++;
      }
    });
    const verifications: { ok: boolean; firstBrokenSeq: number | null }[] = [];
    const until = Date.now() + 4000;
    while (Date.now() < until) {
      const r = await t.gql('{ verifyAuditLog { ok firstBrokenSeq } }');
      verifications.push(r.data!.verifyAuditLog);
    }
    writing = false;
    await Promise.all(writers);
    expect(written).toBeGreaterThan(20);
    expect(verifications.length).toBeGreaterThan(5);
    expect(verifications.filter((v) => !v.ok)).toEqual([]);
    expect((await t.gql('{ verifyAuditLog { ok checkedEvents } }')).data?.verifyAuditLog).toEqual({ ok: true, checkedEvents: base + written });
  });
});
