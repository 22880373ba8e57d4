import { testDialects, type QueryTally, countQueriesIn } from '@canopy/persistence';
import { auditLeafHash, type BundleView, canonicalJson, MemorySubtreeStore, parseBundle, toHex, verifyBundle } from '@canopy/evidence';
import { auditTreeSizes, catchUpAuditTree, extendAuditTree } from '../../audit';
import { EvidenceBundles, type EvidenceSources } from '../evidence-bundle.app-service';
import type { PagedList } from '../../../common/paged-list';
import { expectOk, LOCATION_ITEM, propose, registerProcessor, registerService, RETENTION_90_GLOBAL, setInventory } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

const HOUR_MS = 3600_000;
const toJsonText = (value: unknown) => JSON.stringify(value);
type Refusal = { errors: { message: string; extensions: { code: string; argument?: string } }[] };
const refusal = async (response: Response) => (await response.json()) as Refusal;
const UPDATE_PROCESSOR = 'mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { version } }';
const QUESTIONNAIRE = 'query($k: AssessmentKind!) { assessmentQuestionnaire(kind: $k) { questions { id } } }';
const DRAFT_ASSESSMENT = 'mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { id version } }';
const SUBMIT_ASSESSMENT = 'mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id version } }';
const APPROVE_ASSESSMENT = 'mutation($i: DecideAssessmentInput!) { approveAssessment(input: $i) { id version status } }';
const RISK = { description: 'location traces leak', likelihood: 'LOW', severity: 'MEDIUM', mitigation: 'coarse locations only', residual: 'LOW' };

describe.each(testDialects())('evidence bundles on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, geo: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo' }],
    processors: ['tiles'],
    globalPolicy: RETENTION_90_GLOBAL,
    inventory: { maps: [LOCATION_ITEM] },
  });
  const publicKey = async () => (await fetch(`${t.url}/.well-known/canopy-audit-key`)).text();
  const fetchBundle = (token: string | null, at?: string) =>
    fetch(`${t.url}/evidence/bundle${at ? `?at=${encodeURIComponent(at)}` : ''}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bundleAt = async (at?: string): Promise<{ text: string; bundle: BundleView }> => {
    const response = await fetchBundle(t.as.auditor, at);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, bundle: parseBundle(text) };
  };
  const eventHashes = async (): Promise<string[]> =>
    (await expectOk(t.gql('{ auditEvents(first: 500) { edges { node { seq hash } } } }', {}, t.as.auditor))).auditEvents.edges
      .map((e: { node: { seq: number; hash: string } }) => e.node)
      .sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq)
      .map((node: { hash: string }) => node.hash);

  describe('the Merkle subtrees', () => {
    it('should be stored by each append in its own transaction: no head or proof needed to catch up', async () => {
      await registerService(t, t.as.officer, 'photos', 'geo');
      const sizes = await auditTreeSizes(t.server.db.manager);
      expect(sizes.storedSize).toBe(sizes.logSize);
      const root = MemorySubtreeStore.fromLeafHashes((await eventHashes()).map(auditLeafHash)).root();
      const head = (await expectOk(t.gql('{ auditTreeHead { treeSize rootHash } }', {}, t.as.auditor))).auditTreeHead;
      expect(head).toEqual({ treeSize: sizes.logSize, rootHash: toHex(root) });
    });

    it('should catch up a log whose stored tree is behind (migrated with events but no subtrees), then append in the transaction again', async () => {
      await t.server.db.manager.query('DELETE FROM audit_subtrees');
      await registerService(t, t.as.officer, 'radio', 'geo'); // the previous leaf is not stored: this append leaves it to the catch-up
      const behind = await auditTreeSizes(t.server.db.manager);
      expect(behind.storedSize).toBe(0);
      const head = (await expectOk(t.gql('{ auditTreeHead { treeSize rootHash } }', {}, t.as.auditor))).auditTreeHead;
      expect(head.rootHash).toBe(toHex(MemorySubtreeStore.fromLeafHashes((await eventHashes()).map(auditLeafHash)).root()));
      await registerService(t, t.as.officer, 'tv', 'geo');
      const after = await auditTreeSizes(t.server.db.manager);
      expect(after.storedSize).toBe(after.logSize);
    });

    it('should catch up in the release step (catchUpAuditTree) and say how many events it stored, then nothing the second time', async () => {
      await t.server.db.manager.query('DELETE FROM audit_subtrees');
      const { logSize } = await auditTreeSizes(t.server.db.manager);
      expect(await catchUpAuditTree(t.server.db)).toBe(logSize);
      expect(await auditTreeSizes(t.server.db.manager)).toEqual({ logSize, storedSize: logSize });
      expect(await catchUpAuditTree(t.server.db)).toBe(0);
      const head = (await expectOk(t.gql('{ auditTreeHead { treeSize rootHash } }', {}, t.as.auditor))).auditTreeHead;
      expect(head.rootHash).toBe(toHex(MemorySubtreeStore.fromLeafHashes((await eventHashes()).map(auditLeafHash)).root()));
    });

    it('should catch up read by read from where the stored tree stops, to the same root', async () => {
      const { logSize } = await auditTreeSizes(t.server.db.manager);
      expect(logSize).toBeGreaterThan(6);
      const partial = Math.floor(logSize / 2);
      await t.server.db.manager.query('DELETE FROM audit_subtrees');
      // Reads of 3 events, from a stored tree of `partial` events: both ends fall inside a read.
      await t.server.db.write((tx) => extendAuditTree(tx, 0, partial, 3));
      expect((await auditTreeSizes(t.server.db.manager)).storedSize).toBe(partial);
      await t.server.db.write((tx) => extendAuditTree(tx, partial, logSize, 3));
      expect(await auditTreeSizes(t.server.db.manager)).toEqual({ logSize, storedSize: logSize });
      const head = (await expectOk(t.gql('{ auditTreeHead { treeSize rootHash } }', {}, t.as.auditor))).auditTreeHead;
      expect(head).toEqual({ treeSize: logSize, rootHash: toHex(MemorySubtreeStore.fromLeafHashes((await eventHashes()).map(auditLeafHash)).root()) });
    });
  });

  describe('GET /evidence/bundle', () => {
    it('should serve AUDITOR, PRIVACY_OFFICER and ADMIN a bundle that verifies with the served key', async () => {
      const key = await publicKey();
      for (const token of [t.as.auditor, t.as.officer, t.as.admin]) {
        const response = await fetchBundle(token);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
        const result = verifyBundle(await response.text(), key);
        expect(result.failures).toEqual([]);
        expect(result.ok).toBe(true);
      }
    });

    it('should refuse an engineer (403 FORBIDDEN) and an anonymous caller (401 UNAUTHENTICATED)', async () => {
      const engineer = await fetchBundle(t.as.geo);
      expect(engineer.status).toBe(403);
      expect((await refusal(engineer)).errors[0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await fetchBundle(null);
      expect(anonymous.status).toBe(401);
      expect((await refusal(anonymous)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['not an instant', 'yesterday'],
      ['in the future', '2999-01-01T00:00:00Z'],
      ['before the first event', '2000-01-01T00:00:00Z'],
    ])('should refuse an at %s with 400 BAD_USER_INPUT', async (_case, at) => {
      const response = await fetchBundle(t.as.auditor, at);
      expect(response.status).toBe(400);
      expect((await refusal(response)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'at' });
    });

    it('should carry each record with the events it rests on, proven in the tree of the events up to at', async () => {
      const { bundle } = await bundleAt();
      const { logSize } = await auditTreeSizes(t.server.db.manager);
      expect(bundle.treeHead.treeSize).toBe(logSize);
      const services = bundle.sections.services.map((r) => r.key);
      expect(services).toEqual(['maps', 'photos', 'radio', 'tv']);
      const maps = bundle.sections.services[0];
      const cited = bundle.events.find((e) => e.seq === maps.events[0])!;
      expect(cited.body).toMatchObject({ entityType: 'service', entityId: 'maps' });
      expect(maps.data).toMatchObject({ key: 'maps', findings: expect.any(Array) });
      expect((maps.data as { effectivePolicy: unknown[] }).effectivePolicy.length).toBeGreaterThan(0);
      const tiles = bundle.sections.processors.find((r) => r.key === 'tiles')!;
      expect(tiles.snapshot).toEqual({ seq: tiles.events[0] });
    });

    it('should give a past instant the records, findings and tree of then', async () => {
      // Device logs kept 400 days against the global 90: a RETENTION_EXCEEDED finding then, gone once the inventory keeps them 30.
      await setInventory(t, t.as.officer, 'maps', [LOCATION_ITEM, { ...LOCATION_ITEM, dataCategory: 'device.log', source: 'AUTOMATIC', retentionDays: 400 }]);
      t.clock.advance(HOUR_MS);
      const before = t.clock.iso();
      const { treeSize } = (await bundleAt(before)).bundle.treeHead;
      t.clock.advance(HOUR_MS);
      const tiles = (await expectOk(t.gql('{ processor(key: "tiles") { version } }', {}, t.as.officer))).processor;
      await expectOk(t.gql(UPDATE_PROCESSOR, { i: { key: 'tiles', expectedVersion: tiles.version, country: 'CA' } }, t.as.officer));
      await setInventory(t, t.as.officer, 'maps', [LOCATION_ITEM, { ...LOCATION_ITEM, dataCategory: 'device.log', source: 'AUTOMATIC' }]);
      t.clock.advance(HOUR_MS);
      const { text, bundle } = await bundleAt(before);
      expect(bundle.at).toBe(before);
      expect(bundle.treeHead.treeSize).toBe(treeSize);
      expect(bundle.sections.processors.find((r) => r.key === 'tiles')!.data).toMatchObject({ country: 'DE' });
      expect(verifyBundle(text, await publicKey()).ok).toBe(true);
      const now = (await bundleAt()).bundle;
      // The findings of then: what findingsConnection(at) answers for that instant, service by service.
      const then = await expectOk(t.gql(`{ findingsConnection(first: 1000, at: "${before}") { edges { node { rule dataCategory service { key } } } } }`, {}, t.as.officer));
      type Found = { rule: string; dataCategory?: string | null; service?: { key: string } };
      const byService = (entries: [string, Found[]][]) => Object.fromEntries(entries.map(([key, list]) => [key, list.map((f) => `${f.rule} ${f.dataCategory ?? ''}`).sort()]).filter(([, list]) => list.length));
      const served = then.findingsConnection.edges.map((e: { node: Found }) => e.node) as Found[];
      const inBundle = byService(bundle.sections.services.map((r) => [r.key, (r.data as { findings: Found[] }).findings]));
      expect(inBundle).toEqual(byService([...new Set(served.map((f) => f.service!.key))].map((key) => [key, served.filter((f) => f.service!.key === key)])));
      expect(inBundle.maps).toContain('RETENTION_EXCEEDED device.log');
      expect((now.sections.services.find((r) => r.key === 'maps')!.data as { findings: Found[] }).findings.map((f) => f.rule)).not.toContain('RETENTION_EXCEEDED');
      expect(now.sections.processors.find((r) => r.key === 'tiles')!.data).toMatchObject({ country: 'CA' });
      expect(now.treeHead.treeSize).toBeGreaterThan(treeSize);
    });

    it('should carry every assessment (DPIA and TIA) as it stood at T, checked against its last event, and the processors of then', async () => {
      const draftOf = async (kind: string, extra: Record<string, unknown>) => {
        const questions = (await expectOk(t.gql(QUESTIONNAIRE, { k: kind }, t.as.officer))).assessmentQuestionnaire.questions;
        const answers = questions.map((q: { id: string }) => ({ questionId: q.id, answer: `answer to ${q.id}` }));
        const i = { kind, serviceKey: 'maps', answers, risks: [RISK], reviewDueAt: t.clock.iso(90 * 24 * HOUR_MS), ...extra };
        return (await expectOk(t.gql(DRAFT_ASSESSMENT, { i }, t.as.geo))).draftAssessment as { id: string; version: number };
      };
      const arrangement = await propose(t, t.as.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.location'] });
      const dpia = await draftOf('DPIA', {});
      const tia = await draftOf('TIA', { sharingArrangementId: arrangement.id });
      const submitted = (await expectOk(t.gql(SUBMIT_ASSESSMENT, { id: dpia.id, v: dpia.version }, t.as.geo))).submitAssessment;
      t.clock.advance(HOUR_MS);
      const before = t.clock.iso();
      t.clock.advance(HOUR_MS);
      await expectOk(t.gql(APPROVE_ASSESSMENT, { i: { id: dpia.id, expectedVersion: submitted.version, comment: 'fine' } }, t.as.officer));
      await registerProcessor(t, t.as.officer, 'late-co');
      const key = await publicKey();

      const then = await bundleAt(before);
      const thenResult = verifyBundle(then.text, key);
      expect(thenResult.failures).toEqual([]);
      const byKey = (bundle: BundleView) => new Map(bundle.sections.assessments.map((r) => [r.key, r]));
      const dpiaThen = byKey(then.bundle).get(dpia.id)!;
      expect(dpiaThen.data).toMatchObject({ id: dpia.id, kind: 'DPIA', service: 'maps', status: 'IN_REVIEW', version: submitted.version });
      expect(dpiaThen.snapshot).toEqual({ seq: dpiaThen.events[0] });
      const cited = then.bundle.events.find((e) => e.seq === dpiaThen.events[0])!;
      expect(cited.body).toMatchObject({ action: 'assessment.submitted', entityType: 'assessment', entityId: dpia.id });
      expect(byKey(then.bundle).get(tia.id)!.data).toMatchObject({ kind: 'TIA', status: 'DRAFT', arrangement: arrangement.id });
      expect(then.bundle.sections.processors.map((r) => r.key)).not.toContain('late-co');

      const now = await bundleAt();
      const nowResult = verifyBundle(now.text, key);
      expect(nowResult.failures).toEqual([]);
      expect(nowResult.summary!.snapshotsChecked).toBeGreaterThanOrEqual(thenResult.summary!.snapshotsChecked + 1);
      expect(byKey(now.bundle).get(dpia.id)!.data).toMatchObject({ status: 'APPROVED', approval: { approver: OFFICER.email, comment: 'fine' } });
      expect(now.bundle.sections.processors.map((r) => r.key)).toContain('late-co');

      // A record changed in the file: the bundle no longer verifies, and the failure names the assessment.
      const record = canonicalJson(now.bundle.lines.find((l) => l.kind === 'record' && l.section === 'assessments' && l.key === dpia.id)!);
      const tampered = now.text.replace(record, record.replace('"status":"APPROVED"', '"status":"REJECTED"'));
      expect(tampered).not.toBe(now.text);
      expect(verifyBundle(tampered, key).failures).toContainEqual(expect.objectContaining({ section: 'assessments', record: dpia.id }));
    });

    it('should read the same statements whatever the number of services within a batch, and a constant number more per batch', async () => {
      const application = t.server.application;
      const measure = async (bundles = application.evidenceBundles) => {
        const tally: QueryTally = { statements: 0 };
        await countQueriesIn(tally, () => bundles.build(null, t.clock.now()));
        return tally.statements;
      };
      // Batches of 2 services and 2 records: two more services with an activity each make one more batch of each.
      const small = new EvidenceBundles(application.db, application.evidence, application.evidenceSources, { services: 2, records: 2 });
      const addServices = async (keys: string[]) => {
        for (const key of keys) {
          await registerService(t, t.as.officer, key, 'geo');
          await setInventory(t, t.as.officer, key, [LOCATION_ITEM]);
        }
      };
      await measure(); // the signing key read once
      await addServices(['batch-a', 'batch-b']);
      const [whole, batched] = [await measure(), await measure(small)];
      await addServices(['batch-c', 'batch-d']);
      const [whole2, batched2] = [await measure(), await measure(small)];
      await addServices(['batch-e', 'batch-f']);
      const batched3 = await measure(small);
      expect(whole2).toBe(whole);
      const perBatch = batched2 - batched;
      expect(perBatch).toBeGreaterThan(0);
      expect(batched3 - batched2).toBe(perBatch);
    });

    it('should hold one batch of entities at a time, however many the organisation has: no source yields a page larger than the batch', async () => {
      const app = t.server.application;
      for (const key of ['held-a', 'held-b', 'held-c', 'held-d', 'held-e']) {
        await registerService(t, t.as.officer, key, 'geo');
        await setInventory(t, t.as.officer, key, [LOCATION_ITEM]);
      }
      await propose(t, t.as.geo, { serviceKey: 'held-a', processorKey: 'tiles', dataCategories: ['device.location'] });
      await propose(t, t.as.geo, { serviceKey: 'held-b', processorKey: 'tiles', dataCategories: ['device.location'] });
      await registerProcessor(t, t.as.officer, 'held-co');
      // The largest batch each source handed over, and the largest batch of services whose policies and findings were read.
      const largest = new Map<string, number>();
      const saw = (name: string, size: number) => largest.set(name, Math.max(largest.get(name) ?? 0, size));
      const observed = <T>(name: string, list: PagedList<T>, sizeOf: (page: T[]) => number = (page) => page.length): PagedList<T> => ({
        count: () => list.count(),
        async *pages(size) {
          for await (const page of list.pages(size)) {
            saw(name, sizeOf(page));
            yield page;
          }
        },
      });
      const sources = app.evidenceSources;
      const spy: EvidenceSources = {
        ...sources,
        recordOfProcessing: async (at) => {
          const ropa = await sources.recordOfProcessing(at);
          return { ...ropa, activities: observed('recordOfProcessing (services)', ropa.activities, (page) => new Set(page.map((a) => a.serviceKey)).size) };
        },
        effectivePolicies: (ids, at, taxonomy) => (saw('services', ids.length), sources.effectivePolicies(ids, at, taxonomy)),
        findings: (services, at, now, taxonomy) => (saw('services (findings)', services.length), sources.findings(services, at, now, taxonomy)),
        conflicts: (at) => observed('conflicts', sources.conflicts(at)),
        arrangements: (at) => observed('arrangements', sources.arrangements(at)),
        processors: (at) => observed('processors', sources.processors(at)),
        assessments: (at) => observed('assessments', sources.assessments(at)),
      };
      const batched = new EvidenceBundles(app.db, app.evidence, spy, { services: 2, records: 2 });
      const text = await batched.build(null, t.clock.now());
      const bundle = parseBundle(text);
      expect(verifyBundle(text, await publicKey())).toMatchObject({ ok: true, failures: [] });
      expect(bundle.sections.services.length).toBeGreaterThan(5);
      expect(bundle.sections.recordOfProcessing.length).toBeGreaterThan(5);
      expect(bundle.sections.arrangements.length).toBeGreaterThan(2);
      expect(bundle.sections.processors.length).toBeGreaterThan(2);
      // Each source handed over full batches, never more: two services (their activities, policies and findings) or two records.
      expect(Math.max(...largest.values())).toBe(2);
      for (const name of ['recordOfProcessing (services)', 'services', 'services (findings)', 'arrangements', 'processors']) expect(largest.get(name)).toBe(2);
    });

    it('should build the record of processing per batch of services exactly as whole: the same activities, in order, and their number counted first', async () => {
      const ropa = t.server.application.recordOfProcessing;
      const now = t.clock.now();
      const whole = await ropa.build(now, now);
      for (const size of [1, 2, 3, 1000]) {
        const { activities, controller } = await ropa.inBatches(now);
        const batched: unknown[] = [];
        for await (const page of activities.pages(size)) batched.push(...page);
        expect(toJsonText(batched)).toBe(toJsonText(whole.activities));
        expect(await activities.count()).toBe(whole.activities.length);
        expect(controller).toEqual(whole.controller);
      }
      expect(whole.activities.length).toBeGreaterThan(5);
    });

    it('should stream the bundle in pieces: the header first, then events before the records citing them', async () => {
      const pieces: string[] = [];
      const app = t.server.application;
      const small = new EvidenceBundles(app.db, app.evidence, app.evidenceSources, { services: 1, records: 1 });
      await small.write(await small.prepare(null, t.clock.now()), { write: async (chunk) => void pieces.push(chunk) });
      expect(pieces.length).toBeGreaterThan(6);
      expect(JSON.parse(pieces[0])).toMatchObject({ canopyEvidenceBundle: 2, records: expect.any(Number) });
      const text = pieces.join('');
      expect(verifyBundle(text, await publicKey())).toMatchObject({ ok: true, failures: [] });
      expect(JSON.parse(pieces[pieces.length - 1])).toMatchObject({ kind: 'end' });
    });
  });
});
