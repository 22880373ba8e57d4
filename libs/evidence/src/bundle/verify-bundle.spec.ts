import { chainHash } from '../audit/audit-event-hash';
import { exportPublicKeyPem, EvidenceKeyError, generateSigningKey } from '../signing/keys';
import { bundleContent, bundleText, FIXTURE_SECTIONS, makeBundleFixture, signAnyway } from '../testing/bundle-fixture';
import { BundleWriter, writeBundle } from './bundle-writer';
import type { BundleLine } from './format';
import { parseBundle } from './read-bundle';
import { verifyBundle, verifyBundleLines } from './verify-bundle';

const { key, publicKeyPem, text, view } = makeBundleFixture();
/** A fresh copy of the bundle's lines: header (line 1), events 1..10 (lines 2-11), records (lines 12-18), end (line 19). */
const copy = () => parseBundle(text);
const codesOf = (result: ReturnType<typeof verifyBundle>) => result.failures.map((f) => f.code).sort();

describe('verifyBundle (format 2, JSON lines)', () => {
  it('should verify a fresh bundle and say what it checked', () => {
    expect(text.split('\n').length).toBe(20); // 19 lines and the final newline
    const result = verifyBundle(text, publicKeyPem);
    expect(result).toEqual({
      ok: true,
      failures: [],
      summary: {
        at: view.at,
        treeSize: 10,
        rootHash: view.treeHead.rootHash,
        keyId: key.keyId,
        records: 7,
        events: 10,
        snapshotsChecked: 5,
        snapshotsSkipped: 1,
      },
    });
  });

  it('should verify whatever the whitespace within lines, blank lines included, from text, bytes or a stream of lines', async () => {
    const spaced = text
      .split('\n')
      .map((line) => (line ? JSON.stringify(JSON.parse(line), null, 1).replace(/\n/g, ' ') : line))
      .join('\n\n');
    expect(verifyBundle(spaced, publicKeyPem).ok).toBe(true);
    expect(verifyBundle(Buffer.from(text), key).ok).toBe(true);
    async function* lines() {
      yield* text.split('\n');
    }
    expect(await verifyBundleLines(lines(), key)).toEqual(verifyBundle(text, key));
  });

  it('should name the record whose data was changed in the file, and its line', () => {
    const tampered = text.replace('"effectivePolicy":{"RETENTION":"7 days"}', '"effectivePolicy":{"RETENTION":"9 days"}');
    expect(tampered === text).toBe(false);
    const result = verifyBundle(tampered, publicKeyPem);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({ code: 'RECORD_DIGEST', path: 'line 13', section: 'services', record: 'maps' }),
      expect.objectContaining({ code: 'BUNDLE_SIGNATURE', path: 'line 19' }),
    ]);
  });

  it('should name the record and event when a record no longer matches the snapshot its event holds', () => {
    const tampered = text.replace('"retentionDays":7,"team":"geo"}}', '"retentionDays":8,"team":"geo"}}');
    expect(tampered === text).toBe(false);
    expect(verifyBundle(tampered, publicKeyPem).failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SNAPSHOT_MISMATCH', section: 'services', record: 'maps', seq: 4, path: 'line 13' })]),
    );
  });

  it('should catch an exporter that signs a record unlike its audited snapshot, and only that', () => {
    const content = bundleContent(key, { ...FIXTURE_SECTIONS, conflicts: [{ ...FIXTURE_SECTIONS.conflicts[0], data: { id: 'c-1', status: 'OPEN' } }] });
    const result = verifyBundle(writeBundle(content, key), publicKeyPem);
    expect(result.failures).toEqual([{ code: 'SNAPSHOT_MISMATCH', message: expect.any(String), path: 'line 15', section: 'conflicts', record: 'c-1', seq: 5 }]);
  });

  it('should name the event whose body was changed', () => {
    const tampered = text.replace('"action":"sharing.approved"', '"action":"sharing.rejected"');
    const result = verifyBundle(tampered, publicKeyPem);
    expect(result.failures).toEqual([expect.objectContaining({ code: 'EVENT_HASH', path: 'line 8', seq: 7 }), expect.objectContaining({ code: 'BUNDLE_SIGNATURE' })]);
  });

  it('should catch an event rewritten with a consistent hash: it is not in the signed tree', () => {
    const forged = copy();
    const event = forged.events[3];
    event.body = { ...event.body, actorEmail: 'someone-else@example.com' };
    event.hash = chainHash(event.prevHash, event.body);
    const result = verifyBundle(signAnyway(forged.header, forged.lines, key), publicKeyPem);
    expect(codesOf(result)).toEqual(['CHAIN_LINK', 'INCLUSION_PROOF']);
    expect(result.failures.find((f) => f.code === 'INCLUSION_PROOF')).toMatchObject({ seq: 4, path: 'line 5' });
    expect(result.failures.find((f) => f.code === 'CHAIN_LINK')).toMatchObject({ seq: 5 });
  });

  it('should name the event whose inclusion proof was changed', () => {
    const forged = copy();
    forged.events[8].inclusionProof[0] = forged.events[8].inclusionProof[0].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const result = verifyBundle(signAnyway(forged.header, forged.lines, key), publicKeyPem);
    expect(result.failures).toEqual([expect.objectContaining({ code: 'INCLUSION_PROOF', path: 'line 10', seq: 9 })]);
  });

  it('should name the header when its instant was changed', () => {
    const tampered = text.replace(`"at":"${view.at}"`, '"at":"2020-01-01T00:00:00.000Z"');
    expect(tampered).not.toBe(text);
    expect(verifyBundle(tampered, key).failures).toEqual([
      expect.objectContaining({ code: 'HEADER_SIGNATURE', path: 'line 1' }),
      expect.objectContaining({ code: 'BUNDLE_SIGNATURE', path: 'line 19' }),
    ]);
  });

  it('should fail the tree head, and every proof, when the signed root changed', () => {
    const forged = copy();
    forged.header.treeHead.rootHash = '0'.repeat(64);
    const result = verifyBundle(signAnyway(forged.header, forged.lines, key), publicKeyPem);
    expect(codesOf(result)).toEqual(['HEAD_SIGNATURE', ...Array(10).fill('INCLUSION_PROOF')]);
  });

  it('should name a cited event the bundle does not carry before the record', () => {
    const forged = copy();
    const lines = forged.lines.filter((l) => !(l.kind === 'event' && l.seq === 3));
    const result = verifyBundle(signAnyway(forged.header, lines, key), publicKeyPem);
    expect(result.failures.map((f) => [f.code, f.section, f.record, f.seq])).toEqual([
      ['MISSING_EVENT', 'recordOfProcessing', 'ropa', 3],
      ['MISSING_EVENT', 'services', 'maps', 3],
      ['MISSING_EVENT', 'services', 'search', 3],
    ]);
    // An event written after the record citing it is as missing for that record: a verifier reads in one pass.
    const late = [...lines.slice(0, -1), forged.events[2], ...lines.slice(-1)];
    expect(verifyBundle(signAnyway(forged.header, late, key), publicKeyPem).failures.map((f) => f.code)).toEqual(['MISSING_EVENT', 'MISSING_EVENT', 'MISSING_EVENT']);
  });

  it('should refuse duplicate events and records', () => {
    const forged = copy();
    const lines = [...forged.lines, forged.lines[0], forged.lines.find((l) => l.kind === 'record' && l.key === 'search')!];
    const result = verifyBundle(signAnyway(forged.header, lines, key), publicKeyPem);
    expect(result.failures.map((f) => [f.code, f.path])).toEqual([
      ['DUPLICATE_EVENT', 'line 19'],
      ['DUPLICATE_RECORD', 'line 20'],
      ['FORMAT_ERROR', 'line 1'], // the header announced one record fewer
    ]);
  });

  it('should fail a reordered pair of records, a dropped record and an added one at the signature', () => {
    const { header, lines, end } = copy();
    const swapped = [...lines];
    [swapped[11], swapped[12]] = [swapped[12], swapped[11]];
    const dropped = lines.filter((_l, i) => i !== 13);
    const added = [...lines, { ...lines[12], key: 'extra' } as BundleLine];
    const signatureFailure = expect.objectContaining({ code: 'BUNDLE_SIGNATURE', path: 'line 19', message: expect.stringContaining('a line was changed, added, dropped or moved') });
    expect(verifyBundle(bundleText(header, swapped, end), publicKeyPem).failures).toEqual([signatureFailure]);
    const countFailure = expect.objectContaining({ code: 'FORMAT_ERROR', path: 'line 1', message: expect.stringContaining('announces 7 records') });
    expect(verifyBundle(bundleText(header, dropped, end), publicKeyPem).failures).toEqual([expect.objectContaining({ code: 'BUNDLE_SIGNATURE', path: 'line 18' }), countFailure]);
    const addedFailures = verifyBundle(bundleText(header, added, end), publicKeyPem).failures;
    expect(addedFailures.map((f) => f.code)).toEqual(['RECORD_DIGEST', 'BUNDLE_SIGNATURE', 'FORMAT_ERROR']);
  });

  it('should fail a bundle cut before its end line (TRUNCATED), and content after the end', () => {
    const { header, lines, end } = copy();
    expect(verifyBundle(bundleText(header, lines, null), publicKeyPem).failures).toEqual([expect.objectContaining({ code: 'TRUNCATED' })]);
    expect(verifyBundle(bundleText(header, lines.slice(0, 5), null), publicKeyPem).failures).toEqual([expect.objectContaining({ code: 'TRUNCATED' })]);
    expect(verifyBundle(`${bundleText(header, lines, end)}{"kind":"record"}\n`, publicKeyPem).failures).toEqual([expect.objectContaining({ code: 'FORMAT_ERROR', path: 'line 20' })]);
  });

  it('should say when the bundle was signed with another key than the one given', () => {
    const other = generateSigningKey();
    expect(verifyBundle(text, exportPublicKeyPem(other))).toEqual({
      ok: false,
      failures: [{ code: 'KEY_MISMATCH', message: expect.stringContaining(other.keyId), path: 'line 1' }],
      summary: null,
    });
    const { header, lines } = copy();
    // Signed by one key but claiming another's id: every signature fails.
    const forged = signAnyway(header, lines, key).replaceAll(key.keyId, other.keyId);
    expect(codesOf(verifyBundle(forged, other))).toEqual(['BUNDLE_SIGNATURE', 'HEADER_SIGNATURE', 'HEAD_SIGNATURE']);
  });

  it('should report a file that is not a bundle, or not this version of one', () => {
    expect(verifyBundle('', publicKeyPem).failures).toEqual([{ code: 'PARSE_ERROR', message: expect.stringContaining('empty') }]);
    expect(verifyBundle(Buffer.from([0x7b, 0xff, 0x7d]), publicKeyPem).failures).toEqual([{ code: 'PARSE_ERROR', message: 'the file is not UTF-8 text' }]);
    expect(verifyBundle('[1,2]', publicKeyPem).failures).toEqual([expect.objectContaining({ code: 'PARSE_ERROR', message: expect.stringContaining('not a Canopy evidence bundle') })]);
    expect(verifyBundle(JSON.stringify({ ...view.header, canopyEvidenceBundle: 1 }), publicKeyPem).failures).toEqual([
      { code: 'UNSUPPORTED_VERSION', message: expect.stringContaining('format 1') },
    ]);
  });

  it('should name the line of a field missing, extra or malformed, and of a line that is not JSON', () => {
    const { header, lines, end } = copy();
    const changed = lines.map((line) => ({ ...line })) as Array<Record<string, unknown>>;
    delete changed[11].digest; // line 13: services maps
    changed[12].snapshot = { seq: 12 }; // line 14: services search, a snapshot event it does not cite
    changed[2].extra = true; // line 4: event 3
    const file = bundleText(header, changed, end).replace(/^(.*\n){6}/, (head) => head.replace(/\n([^\n]*)\n$/, '\n$1,\n'));
    const result = verifyBundle(file, publicKeyPem);
    expect(result.failures.map((f) => [f.code, f.path, f.record ?? f.seq])).toEqual(
      expect.arrayContaining([
        ['FORMAT_ERROR', 'line 13', 'maps'],
        ['FORMAT_ERROR', 'line 14', 'search'],
        ['FORMAT_ERROR', 'line 4', 3],
        ['PARSE_ERROR', 'line 6', undefined],
      ]),
    );
    expect(result.ok).toBe(false);
  });

  it('should throw a key error, not report a bundle failure, for an unusable key', () => {
    expect(() => verifyBundle(text, 'not a key')).toThrow(EvidenceKeyError);
  });
});

describe('BundleWriter', () => {
  it('should refuse content an exporter got wrong', () => {
    const content = bundleContent(key);
    expect(() => writeBundle(content, generateSigningKey())).toThrow(/another key/);
    expect(() => writeBundle({ ...content, events: content.events.slice(1) }, key)).toThrow(/not written before it/);
    expect(() => writeBundle({ ...content, events: [...content.events, content.events[0]] }, key)).toThrow(/twice/);
    const twice = { ...content.sections, conflicts: [content.sections.conflicts[0], content.sections.conflicts[0]] };
    expect(() => writeBundle({ ...content, sections: twice }, key)).toThrow(/two records/);
  });

  it('should write in pieces what verifies as a whole, naming the events not yet written', () => {
    const content = bundleContent(key);
    const writer = new BundleWriter({ ...content, records: 7 }, key);
    const parts = [writer.header()];
    for (const [section, records] of Object.entries(content.sections)) {
      const needed = writer.unwritten(records.flatMap((r) => r.events));
      parts.push(writer.events(content.events.filter((e) => needed.includes(e.seq))), writer.records(section, records));
    }
    expect(writer.unwritten([1, 2, 3, 11])).toEqual([11]);
    parts.push(writer.end());
    const streamed = parts.join('');
    expect(streamed).not.toBe(text); // events interleaved with the records citing them
    expect(verifyBundle(streamed, key)).toMatchObject({ ok: true, summary: { records: 7, events: 10 } });
  });
});
