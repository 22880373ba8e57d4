import { testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import { ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

const HEAD = '{ verifyAuditLog { ok checkedEvents firstBrokenSeq headSeq headHash } }';

describe.each(testDialects())('audit chain on %s', (dialect) => {
  const t = useWorld(dialect, { teams: ['geo', 'media'], people: { officer: OFFICER, engineer: ENGINEER, otherEngineer: OTHER_ENGINEER } });
  const { as } = t;

  it('should append exactly one event per mutation, with actor, action and before/after', async () => {
    const before = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog.headSeq;
    await t.gql('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "geo" }) { id } }', {}, as.engineer);
    await t.gql('mutation { updateService(input: { key: "maps", expectedVersion: 1, name: "Maps 2" }) { id } }', {}, as.engineer);
    const after = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog;
    expect(after.headSeq).toBe(before + 2);
    const events = await t.gql(
      'query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount edges { node { seq action entityType entityId actor { email } before after hash } } } }',
      { f: { entityType: 'service', entityId: 'maps' } },
      as.officer,
    );
    const nodes = events.data!.auditEvents.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual([
      expect.objectContaining({ action: 'service.registered', entityId: 'maps', actor: { email: 'geo@x.test' }, before: null, after: expect.objectContaining({ name: 'Maps', team: 'geo', version: 1 }) }),
      expect.objectContaining({ action: 'service.updated', before: expect.objectContaining({ name: 'Maps' }), after: expect.objectContaining({ name: 'Maps 2', version: 2 }) }),
    ]);
    expect(nodes[1].hash).toBe(after.headHash);
  });

  it('should write no event for a refused mutation', async () => {
    const before = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog.headSeq;
    await t.gql('mutation { updateService(input: { key: "maps", expectedVersion: 1, name: "stale" }) { id } }', {}, as.engineer);
    await t.gql('mutation { registerService(input: { key: "maps", name: "dup", teamKey: "geo" }) { id } }', {}, as.engineer);
    expect((await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog.headSeq).toBe(before);
  });

  it('should never put secrets into snapshots', async () => {
    await t.gql('mutation { setPassword(email: "geo@x.test", password: "a very secret password") }');
    const token = await t.gql('mutation { createApiToken(name: "secret-check") { token } }', {}, as.engineer);
    const all = await t.gql('{ auditEvents(first: 500) { edges { node { before after } } } }', {}, as.officer);
    const text = JSON.stringify(all.data);
    expect(text).not.toContain('a very secret password');
    expect(text).not.toContain(token.data!.createApiToken.token);
    expect(text).not.toMatch(/argon2|passwordHash|tokenHash/);
  });

  it('should keep seq gap-free and the chain intact under 20 concurrent mutations', async () => {
    const before = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog.headSeq;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(`mutation { registerService(input: { key: "burst-${i}", name: "Burst ${i}", teamKey: "geo" }) { id } }`, {}, as.officer),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const verification = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog;
    expect(verification).toMatchObject({ ok: true, firstBrokenSeq: null, headSeq: before + 20, checkedEvents: before + 20 });
    const walk = async (newestFirst: boolean) => {
      const seqs: number[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await t.gql(
          'query($a: String, $n: Boolean) { auditEvents(first: 7, after: $a, newestFirst: $n) { edges { node { seq } } pageInfo { hasNextPage endCursor } } }',
          { a: after, n: newestFirst },
          as.officer,
        );
        seqs.push(...page.data.auditEvents.edges.map((e: { node: { seq: number } }) => e.node.seq));
        if (!page.data.auditEvents.pageInfo.hasNextPage) break;
        after = page.data.auditEvents.pageInfo.endCursor;
      }
      return seqs;
    };
    const oldestFirst = Array.from({ length: before + 20 }, (_, i) => i + 1);
    expect(await walk(false)).toEqual(oldestFirst);
    expect(await walk(true)).toEqual([...oldestFirst].reverse());
  });

  it('should show an engineer only the events of its own teams\' services', async () => {
    await t.gql('mutation { registerService(input: { key: "moments", name: "Moments", teamKey: "media" }) { id } }', {}, as.otherEngineer);
    const mine = await t.gql('{ auditEvents(first: 500) { totalCount edges { node { entityType entityId } } } }', {}, as.otherEngineer);
    const nodes = mine.data!.auditEvents.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual([{ entityType: 'service', entityId: 'moments' }]);
    expect(codeOf(await t.gql(HEAD, {}, as.otherEngineer))).toBe('FORBIDDEN');
  });

  it('should filter by action, actor and time window', async () => {
    const r = await t.gql('query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }', { f: { action: 'service.registered', actorEmail: 'geo@x.test' } }, as.officer);
    expect(r.data!.auditEvents.totalCount).toBe(1);
    const future = await t.gql('query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }', { f: { from: '2999-01-01T00:00:00Z' } }, as.officer);
    expect(future.data!.auditEvents.totalCount).toBe(0);
  });

  it('should name the seq of an event edited directly in the database', async () => {
    const head = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog;
    expect(head.ok).toBe(true);
    const target = 5;
    const dataSource = t.server.db.dataSource;
    const [{ after: original }] = await dataSource.query(`SELECT after FROM audit_events WHERE seq = ${target}`);
    await dataSource.query(`UPDATE audit_events SET after = '{"name":"forged"}' WHERE seq = ${target}`);
    const broken = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog;
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: target });
    await dataSource.query('UPDATE audit_events SET after = ? WHERE seq = ?', [original, target]);
    expect((await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog.ok).toBe(true);
  });

  it('should catch a deleted tail', async () => {
    const dataSource = t.server.db.dataSource;
    const [{ maxSeq }] = await dataSource.query('SELECT MAX(seq) AS maxSeq FROM audit_events');
    await dataSource.query(`DELETE FROM audit_events WHERE seq = ${Number(maxSeq)}`);
    const broken = (await t.gql(HEAD, {}, as.officer)).data!.verifyAuditLog;
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: Number(maxSeq), headSeq: Number(maxSeq) - 1 });
  });
});
