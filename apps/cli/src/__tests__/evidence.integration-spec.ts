import { generateKeyPairSync } from 'node:crypto';
import { type BundleView, canonicalJson, parseBundle } from '@canopy/evidence';
import { ApiProcess, startApi, testDialects } from '../testing/api-process';
import { cli, CliRun, scratch } from '../testing/run-cli';
import { mapsServiceHead, tilesProcessor } from '../testing/manifests';

/**
 * `canopy export evidence` and `canopy evidence verify` against the built API
 * (DESIGN.md section 10): a fresh bundle verifies offline with the public key
 * alone, now and as of a past instant; each tampering fails at the record or
 * event it touched, with exit 1; usage errors exit 2, server refusals 3.
 */

const MAPS = `${mapsServiceHead()}  sharing:
    - processor: tiles
      dataCategories: [device.location]
      purposes: [service.provide]
      legalBasis: CONSENT
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Failure = { code: string; path?: string; section?: string; record?: string; seq?: number };

describe.each(testDialects())('canopy evidence against the API on %s', (dialect) => {
  let api: ApiProcess;
  let auditor: string;
  let engineer: string;
  let before: string;
  const files = scratch();
  const as = (token: string) => (argv: string[]): Promise<CliRun> => cli(argv, { url: api.url, token }, files.dir);
  const verify = (file: string, key = 'canopy.pem') => as(auditor)(['evidence', 'verify', file, '--key', key, '--output', 'json']);
  const bundle = (name = 'now.json'): BundleView => parseBundle(files.read(name));
  const failures = (run: CliRun): Failure[] => run.json().failures;
  /** Writes a changed copy of the fresh bundle, its lines re-serialized as the exporter writes them (canonical JSON, one a line). */
  const tampered = (name: string, change: (b: BundleView) => void) => {
    const b = bundle();
    change(b);
    files.write(name, [b.header, ...b.lines, ...(b.end ? [b.end] : [])].map((value) => `${canonicalJson(value)}\n`).join(''));
    return name;
  };
  let dpiaId: string;

  beforeAll(async () => {
    api = await startApi(dialect);
    await api.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
    const officer = await api.user('dpo@canopy.test', ['PRIVACY_OFFICER']);
    engineer = await api.user('geo@canopy.test', ['ENGINEER'], ['geo']);
    auditor = await api.user('audit@canopy.test', ['AUDITOR']);
    files.write('processors.yaml', tilesProcessor());
    files.write('maps.yaml', MAPS);
    expect((await as(officer)(['apply', '-f', 'processors.yaml'])).code).toBe(0);
    expect((await as(engineer)(['apply', '-f', 'maps.yaml'])).code).toBe(0);
    await sleep(20);
    before = new Date().toISOString();
    await sleep(20);
    // After `before`: the processor moves to Canada.
    files.write('processors.yaml', tilesProcessor('CA'));
    expect((await as(officer)(['apply', '-f', 'processors.yaml'])).code).toBe(0);
    // A DPIA of maps, drafted and submitted: the bundle carries it as it stands.
    const questions = (await api.gql('{ assessmentQuestionnaire(kind: DPIA) { questions { id } } }', {}, officer)).assessmentQuestionnaire.questions;
    const draft = {
      kind: 'DPIA',
      serviceKey: 'maps',
      answers: questions.map((q: { id: string }) => ({ questionId: q.id, answer: `answer to ${q.id}` })),
      risks: [{ description: 'location traces leak', likelihood: 'LOW', severity: 'MEDIUM', mitigation: 'coarse locations only', residual: 'LOW' }],
      reviewDueAt: new Date(Date.now() + 90 * 24 * 3600_000).toISOString(),
    };
    const dpia = (await api.gql('mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { id version } }', { i: draft }, engineer)).draftAssessment;
    await api.gql('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id } }', { id: dpia.id, v: dpia.version }, engineer);
    dpiaId = dpia.id;
    files.write('canopy.pem', await (await fetch(`${api.url}/.well-known/canopy-audit-key`)).text());
    const exported = await as(auditor)(['export', 'evidence', '-o', 'now.json', '--output', 'json']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
  });
  afterAll(async () => {
    await api?.stop();
    files.remove();
  });

  describe('a fresh bundle', () => {
    it('should verify offline with exit 0, every record and cited event checked', async () => {
      const run = await verify('now.json');
      expect(run.code).toBe(0);
      expect(run.json()).toMatchObject({ ok: true, failures: [] });
      const b = bundle();
      expect(run.json().summary).toMatchObject({ treeSize: b.treeHead.treeSize, events: b.events.length });
      expect(run.json().summary.snapshotsChecked).toBeGreaterThanOrEqual(3); // the processor, the arrangement and the assessment
      const human = await as(auditor)(['evidence', 'verify', 'now.json', '--key', 'canopy.pem']);
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/^Evidence bundle VERIFIED: \d+ records as of /);
    });

    it('should carry every section, each record resting on audit events with inclusion proofs', () => {
      const b = bundle();
      expect(Object.keys(b.sections).sort()).toEqual(['arrangements', 'assessments', 'conflicts', 'processors', 'recordOfProcessing', 'services']);
      const [dpia] = b.sections.assessments;
      expect(dpia).toMatchObject({ key: dpiaId, data: { kind: 'DPIA', service: 'maps', status: 'IN_REVIEW' }, snapshot: { seq: dpia.events[0] } });
      expect(b.events.find((e) => e.seq === dpia.events[0])!.body).toMatchObject({ action: 'assessment.submitted', entityId: dpiaId });
      // Each line on its own: the header, events before the records citing them, the signed end last.
      const lines = files.read('now.json').trimEnd().split('\n');
      expect(JSON.parse(lines[0])).toMatchObject({ canopyEvidenceBundle: 2, records: b.lines.filter((l) => l.kind === 'record').length });
      expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ kind: 'end' });
      expect(b.sections.services.map((r) => r.key)).toEqual(['maps']);
      const maps = b.sections.services[0].data as { effectivePolicy: unknown[]; findings: unknown[] | null };
      expect(Array.isArray(maps.findings)).toBe(true);
      const tiles = b.sections.processors.find((r) => r.key === 'tiles')!;
      expect(tiles.data).toMatchObject({ key: 'tiles', country: 'CA' });
      expect(tiles.snapshot).toEqual({ seq: tiles.events[0] });
      const [arrangement] = b.sections.arrangements;
      expect(arrangement.events.length).toBeGreaterThanOrEqual(1);
      expect(b.sections.recordOfProcessing.map((r) => r.key)).toEqual(expect.arrayContaining(['controller', 'maps/service.provide']));
      for (const event of b.events) expect(event.seq).toBeLessThanOrEqual(b.treeHead.treeSize);
    });
  });

  it('should export as of a past instant: the processor as it was then, and it verifies', async () => {
    const run = await as(auditor)(['export', 'evidence', '--at', before, '-o', 'past.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote the evidence bundle as of /);
    const past = bundle('past.json');
    expect(past.at).toBe(before);
    expect(past.treeHead.treeSize).toBeLessThan(bundle().treeHead.treeSize);
    expect(past.sections.processors.find((r) => r.key === 'tiles')!.data).toMatchObject({ country: 'US' });
    // Seconds ago: findings are measured, as findingsConnection(at) measures them within a minute of now (further back: the API's spec).
    expect((past.sections.services[0].data as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect((await verify('past.json')).code).toBe(0);
  });

  describe('tampering', () => {
    it('should fail one changed byte at the record it is in (exit 1)', async () => {
      const text = files.read('now.json');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('"key":"tiles","kind":"record","section":"processors"')) + 1;
      expect(line).toBeGreaterThan(1);
      const at = lines.slice(0, line - 1).join('\n').length + 1 + lines[line - 1].indexOf('"country":"CA"');
      files.write('byte.json', `${text.slice(0, at)}"country":"CB"${text.slice(at + '"country":"CA"'.length)}`);
      const run = await verify('byte.json');
      expect(run.code).toBe(1);
      const codes = failures(run).map((f) => f.code);
      expect(codes).toEqual(expect.arrayContaining(['BUNDLE_SIGNATURE', 'RECORD_DIGEST', 'SNAPSHOT_MISMATCH']));
      expect(failures(run).filter((f) => f.code !== 'BUNDLE_SIGNATURE').every((f) => f.section === 'processors' && f.record === 'tiles')).toBe(true);
      const human = await as(auditor)(['evidence', 'verify', 'byte.json', '--key', 'canopy.pem']);
      expect(human.code).toBe(1);
      expect(human.stdout).toMatch(new RegExp(`RECORD_DIGEST at processors tiles \\(line ${line}\\)`));
    });

    it('should fail a changed event at that event: its hash no longer matches and its leaf is not in the signed tree', async () => {
      const b = bundle();
      const target = b.events.find((e) => e.body.entityType === 'processor')!;
      tampered('event.json', (t) => {
        const event = t.events.find((e) => e.seq === target.seq)!;
        event.body.actorEmail = 'someone-else@canopy.test';
      });
      const run = await verify('event.json');
      expect(run.code).toBe(1);
      expect(failures(run)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'EVENT_HASH', seq: target.seq })]));
      // Rehashing it does not help: the new hash is not the leaf the signed root holds.
      tampered('rehashed.json', (t) => {
        const event = t.events.find((e) => e.seq === target.seq)!;
        event.hash = 'f'.repeat(64);
      });
      expect(failures(await verify('rehashed.json'))).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'INCLUSION_PROOF', seq: target.seq })]));
    });

    it('should fail a reordered pair of events at both', async () => {
      const b = bundle();
      expect(b.events.length).toBeGreaterThanOrEqual(2);
      const [x, y] = [b.events[0].seq, b.events[1].seq];
      tampered('reordered.json', (t) => {
        const [i, j] = [t.lines.indexOf(t.events[0]), t.lines.indexOf(t.events[1])];
        const [first, second] = [t.events[0], t.events[1]];
        t.lines[i] = { ...second, seq: first.seq, inclusionProof: first.inclusionProof };
        t.lines[j] = { ...first, seq: second.seq, inclusionProof: second.inclusionProof };
      });
      const run = await verify('reordered.json');
      expect(run.code).toBe(1);
      const proofs = failures(run).filter((f) => f.code === 'INCLUSION_PROOF').map((f) => f.seq);
      expect(proofs).toEqual([x, y]);
    });

    it('should fail a truncated tail: a cut file has no signed end, a dropped event is missing for the record citing it', async () => {
      const text = files.read('now.json');
      files.write('cut.json', text.slice(0, Math.floor(text.length * 0.9)));
      const cut = await verify('cut.json');
      expect(cut.code).toBe(1);
      expect(failures(cut).map((f) => f.code)).toContain('TRUNCATED');
      const b = bundle();
      const last = b.events[b.events.length - 1];
      tampered('dropped.json', (t) => void t.lines.splice(t.lines.findIndex((l) => l.kind === 'event' && l.seq === last.seq), 1));
      const dropped = await verify('dropped.json');
      expect(dropped.code).toBe(1);
      expect(failures(dropped)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BUNDLE_SIGNATURE' }), expect.objectContaining({ code: 'MISSING_EVENT', seq: last.seq })]));
    });

    it('should fail a forged signature and nothing else', async () => {
      tampered('forged.json', (t) => {
        const value = Buffer.from(t.end!.signature.value, 'base64');
        value[10] ^= 1;
        t.end!.signature.value = value.toString('base64');
      });
      const run = await verify('forged.json');
      expect(run.code).toBe(1);
      expect(failures(run)).toEqual([expect.objectContaining({ code: 'BUNDLE_SIGNATURE', path: `line ${bundle().lines.length + 2}` })]);
    });

    it('should fail with another Ed25519 key (exit 1, KEY_MISMATCH)', async () => {
      files.write('other.pem', generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string);
      const run = await verify('now.json', 'other.pem');
      expect(run.code).toBe(1);
      expect(failures(run)).toEqual([expect.objectContaining({ code: 'KEY_MISMATCH' })]);
    });
  });

  describe('exit codes', () => {
    it.each([
      ['a missing bundle file', ['evidence', 'verify', 'nowhere.json', '--key', 'canopy.pem'], /cannot read the bundle nowhere\.json: ENOENT/],
      ['a missing key file', ['evidence', 'verify', 'now.json', '--key', 'nowhere.pem'], /cannot read the key nowhere\.pem/],
      ['no --key', ['evidence', 'verify', 'now.json'], /--key KEY is required/],
      ['a key that is not a public key', ['evidence', 'verify', 'now.json', '--key', 'processors.yaml'], /not Canopy's public key/],
      ['an export without -o', ['export', 'evidence'], /-o FILE is required/],
      ['an export with a malformed --at', ['export', 'evidence', '--at', 'yesterday', '-o', 'x.json'], /--at must be an ISO 8601 instant/],
    ])('should exit 2 for %s', async (_case, argv, message) => {
      const run = await as(auditor)(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    });

    it('should exit 2 when the server refuses the instant (BAD_USER_INPUT: in the future)', async () => {
      const run = await as(auditor)(['export', 'evidence', '--at', '2999-01-01', '-o', 'future.json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/BAD_USER_INPUT: at must not be in the future/);
    });

    it('should exit 3 when the server refuses the caller (an engineer: FORBIDDEN) or is unreachable', async () => {
      const forbidden = await as(engineer)(['export', 'evidence', '-o', 'e.json']);
      expect(forbidden.code).toBe(3);
      expect(forbidden.stderr).toMatch(/FORBIDDEN: Evidence bundles are for AUDITOR, PRIVACY_OFFICER, ADMIN/);
      const unknown = await as('not-a-token')(['export', 'evidence', '-o', 'e.json']);
      expect(unknown.code).toBe(3);
      expect(unknown.stderr).toMatch(/UNAUTHENTICATED/);
      const down = await cli(['export', 'evidence', '-o', 'e.json'], { url: 'http://127.0.0.1:9', token: auditor }, files.dir);
      expect(down.code).toBe(3);
      expect(down.stderr).toMatch(/Cannot reach the Canopy API/);
    });
  });
});
