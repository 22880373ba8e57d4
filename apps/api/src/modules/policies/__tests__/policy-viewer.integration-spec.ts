import { testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import { useViewerWorld } from '../../../testing/viewer-roles';
import { type ClauseInput, DRAFT_VERSION, expectOk, PUBLISH_VERSION, publishPolicy } from '../../../testing/fixtures';

const GLOBAL: ClauseInput[] = [
  { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
  { topic: 'RETENTION', subject: '*', value: '30' },
];
const service = (retentionDays: number): ClauseInput[] => [{ topic: 'RETENTION', subject: '*', value: String(retentionDays) }];

const POLICY = 'query($k: String!) { policy(key: $k) { viewerCanDraft viewerCanPublish } }';
const DISCARD = 'mutation($k: String!) { discardPolicyDraft(policyKey: $k) }';
const CONFLICTS = 'query($s: ConflictStatus) { conflicts(status: $s) { id status serviceValue viewerCanResolve } }';
const RESOLVE = 'mutation($id: ID!) { resolveConflict(input: { conflictId: $id, resolution: SERVICE_PREVAILS, rationale: "contract" }) { status } }';

describe.each(testDialects())('what the viewer may do to policies and conflicts, on %s', (dialect) => {
  const t = useViewerWorld(dialect, { services: [{ key: 'maps', team: 'geo' }], globalPolicy: GLOBAL });
  const { as } = t;
  const clausesOf: Record<string, ClauseInput[]> = { general: GLOBAL, 'maps-policy': service(1000) };
  let retentionDays = 1000;

  /** A fresh OPEN conflict: a new, stricter service version that still keeps data longer than the global 30 days. */
  async function openConflict(): Promise<{ id: string }> {
    retentionDays -= 1;
    await publishPolicy(t, as.officer, 'maps-policy', service(retentionDays), 'maps');
    const open = (await expectOk(t.gql(CONFLICTS, { s: 'OPEN' }, as.officer))).conflicts as { id: string; serviceValue: string }[];
    return open.find((c) => c.serviceValue === String(retentionDays))!;
  }

  beforeAll(() => publishPolicy(t, as.officer, 'maps-policy', service(retentionDays), 'maps'));

  const offered = async (key: string, token: string) => (await expectOk(t.gql(POLICY, { k: key }, token))).policy;

  it('should say who may draft: officers any policy, the owning team its service policy, nobody else', async () => {
    const table: Record<string, boolean[]> = {};
    for (const [who, token] of Object.entries(as)) table[who] = [(await offered('general', token)).viewerCanDraft, (await offered('maps-policy', token)).viewerCanDraft];
    expect(table).toEqual({ officer: [true, true], owningEngineer: [false, true], otherEngineer: [false, false], auditor: [false, false], admin: [false, false] });
  });

  it('should offer drafting and discarding exactly to those the API lets draft and discard', async () => {
    const disagreements: string[] = [];
    for (const key of ['general', 'maps-policy']) {
      for (const [who, token] of Object.entries(as)) {
        const { viewerCanDraft } = await offered(key, token);
        const drafted = await t.gql(DRAFT_VERSION, { k: key, c: clausesOf[key] }, token);
        if (!drafted.errors !== viewerCanDraft) disagreements.push(`${who} drafts ${key}: offered ${viewerCanDraft}, API ${codeOf(drafted) ?? 'ok'}`);
        if (drafted.errors) await expectOk(t.gql(DRAFT_VERSION, { k: key, c: clausesOf[key] }, as.officer));
        const discarded = await t.gql(DISCARD, { k: key }, token);
        if (!discarded.errors !== viewerCanDraft) disagreements.push(`${who} discards ${key}: offered ${viewerCanDraft}, API ${codeOf(discarded) ?? 'ok'}`);
        if (discarded.errors) await expectOk(t.gql(DISCARD, { k: key }, as.officer));
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('should offer publishing exactly to those the API lets publish: officers', async () => {
    const disagreements: string[] = [];
    for (const key of ['general', 'maps-policy']) {
      for (const [who, token] of Object.entries(as)) {
        const { viewerCanPublish } = await offered(key, token);
        const number = (await expectOk(t.gql(DRAFT_VERSION, { k: key, c: clausesOf[key] }, as.officer))).draftPolicyVersion.number;
        const published = await t.gql(PUBLISH_VERSION, { k: key, n: number, at: new Date().toISOString() }, token);
        if (!published.errors !== viewerCanPublish) disagreements.push(`${who} publishes ${key}: offered ${viewerCanPublish}, API ${codeOf(published) ?? 'ok'}`);
        if (published.errors) await expectOk(t.gql(DISCARD, { k: key }, as.officer));
        expect(viewerCanPublish).toBe(who === 'officer');
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('should offer resolving an OPEN conflict exactly to those the API lets resolve it: officers', async () => {
    const disagreements: string[] = [];
    for (const [who, token] of Object.entries(as)) {
      const conflict = await openConflict();
      const mine = ((await expectOk(t.gql(CONFLICTS, { s: 'OPEN' }, token))).conflicts as { id: string; viewerCanResolve: boolean }[]).find((c) => c.id === conflict.id)!;
      const resolved = await t.gql(RESOLVE, { id: conflict.id }, token);
      if (!resolved.errors !== mine.viewerCanResolve) disagreements.push(`${who} resolves: offered ${mine.viewerCanResolve}, API ${codeOf(resolved) ?? 'ok'}`);
      expect(mine.viewerCanResolve).toBe(who === 'officer');
    }
    expect(disagreements).toEqual([]);
  });

  it('should offer nobody a RESOLVED or SUPERSEDED conflict, which the API refuses', async () => {
    const resolved = await openConflict();
    await expectOk(t.gql(RESOLVE, { id: resolved.id }, as.officer));
    const superseded = await openConflict();
    await openConflict();
    const all = (await expectOk(t.gql(CONFLICTS, {}, as.officer))).conflicts as { id: string; status: string; viewerCanResolve: boolean }[];
    for (const [id, status] of [
      [resolved.id, 'SUPERSEDED'],
      [superseded.id, 'SUPERSEDED'],
    ]) {
      expect(all.find((c) => c.id === id)).toMatchObject({ status, viewerCanResolve: false });
      expect(codeOf(await t.gql(RESOLVE, { id }, as.officer))).toBe('INVALID_TRANSITION');
    }
    const current = await openConflict();
    await expectOk(t.gql(RESOLVE, { id: current.id }, as.officer));
    const now = (await expectOk(t.gql(CONFLICTS, { s: 'RESOLVED' }, as.officer))).conflicts.find((c: { id: string }) => c.id === current.id);
    expect(now).toMatchObject({ status: 'RESOLVED', viewerCanResolve: false });
    expect(codeOf(await t.gql(RESOLVE, { id: current.id }, as.officer))).toBe('INVALID_TRANSITION');
  });
});
