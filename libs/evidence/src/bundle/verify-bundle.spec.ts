import { chainHash } from '../audit/audit-event-hash';
import { exportPublicKeyPem, EvidenceKeyError, generateSigningKey } from '../signing/keys';
import { bundleContent, FIXTURE_SECTIONS, makeBundleFixture, signAnyway } from '../testing/bundle-fixture';
import { createBundle, serializeBundle } from './create-bundle';
import type { EvidenceBundle } from './format';
import { verifyBundle } from './verify-bundle';

const { key, publicKeyPem, bundle, text } = makeBundleFixture();
const clone = (): EvidenceBundle => JSON.parse(text);
const unsigned = (b: EvidenceBundle) => {
  const { signature: _signature, ...rest } = b;
  return rest;
};
const codesOf = (result: ReturnType<typeof verifyBundle>) => result.failures.map((f) => f.code).sort();

describe('verifyBundle', () => {
  it('should verify a fresh bundle and say what it checked', () => {
    const result = verifyBundle(text, publicKeyPem);
    expect(result).toEqual({
      ok: true,
      failures: [],
      summary: {
        at: bundle.at,
        treeSize: 10,
        rootHash: bundle.treeHead.rootHash,
        keyId: key.keyId,
        records: 7,
        events: 10,
        snapshotsChecked: 5,
        snapshotsSkipped: 1,
      },
    });
  });

  it('should verify whatever the whitespace, from text or bytes', () => {
    expect(verifyBundle(JSON.stringify(JSON.parse(text), null, 2), publicKeyPem).ok).toBe(true);
    expect(verifyBundle(Buffer.from(text), key).ok).toBe(true);
  });

  it('should name the record whose data was changed in the file', () => {
    const tampered = text.replace('"effectivePolicy":{"RETENTION":"7 days"}', '"effectivePolicy":{"RETENTION":"9 days"}');
    expect(tampered === text).toBe(false);
    const result = verifyBundle(tampered, publicKeyPem);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({ code: 'BUNDLE_SIGNATURE', path: 'signature' }),
      expect.objectContaining({ code: 'RECORD_DIGEST', path: 'sections.services[0]', section: 'services', record: 'maps' }),
    ]);
  });

  it('should name the record and event when a record no longer matches the snapshot its event holds', () => {
    const tampered = text.replace('"retentionDays":7,"team":"geo"}},"digest"', '"retentionDays":8,"team":"geo"}},"digest"');
    expect(tampered === text).toBe(false);
    expect(verifyBundle(tampered, publicKeyPem).failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SNAPSHOT_MISMATCH', section: 'services', record: 'maps', seq: 4 })]),
    );
  });

  it('should catch an exporter that signs a record unlike its audited snapshot, and only that', () => {
    const content = bundleContent(key, { ...FIXTURE_SECTIONS, conflicts: [{ ...FIXTURE_SECTIONS.conflicts[0], data: { id: 'c-1', status: 'OPEN' } }] });
    const result = verifyBundle(serializeBundle(createBundle(content, key)), publicKeyPem);
    expect(result.failures).toEqual([{ code: 'SNAPSHOT_MISMATCH', message: expect.any(String), path: 'sections.conflicts[0]', section: 'conflicts', record: 'c-1', seq: 5 }]);
  });

  it('should name the event whose body was changed', () => {
    const tampered = text.replace('"action":"sharing.approved"', '"action":"sharing.rejected"');
    const result = verifyBundle(tampered, publicKeyPem);
    expect(result.failures).toEqual([
      expect.objectContaining({ code: 'BUNDLE_SIGNATURE' }),
      expect.objectContaining({ code: 'EVENT_HASH', path: 'events[6]', seq: 7 }),
    ]);
  });

  it('should catch an event rewritten with a consistent hash: it is not in the signed tree', () => {
    const forged = clone();
    const event = forged.events[3];
    event.body = { ...event.body, actorEmail: 'someone-else@example.com' };
    event.hash = chainHash(event.prevHash, event.body);
    const result = verifyBundle(signAnyway(unsigned(forged), key), publicKeyPem);
    expect(codesOf(result)).toEqual(['CHAIN_LINK', 'INCLUSION_PROOF']);
    expect(result.failures.find((f) => f.code === 'INCLUSION_PROOF')).toMatchObject({ seq: 4, path: 'events[3]' });
    expect(result.failures.find((f) => f.code === 'CHAIN_LINK')).toMatchObject({ seq: 5 });
  });

  it('should name the event whose inclusion proof was changed', () => {
    const forged = clone();
    forged.events[8].inclusionProof[0] = forged.events[8].inclusionProof[0].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const result = verifyBundle(signAnyway(unsigned(forged), key), publicKeyPem);
    expect(result.failures).toEqual([expect.objectContaining({ code: 'INCLUSION_PROOF', path: 'events[8]', seq: 9 })]);
  });

  it('should fail the tree head, and every proof, when the signed root changed', () => {
    const forged = clone();
    forged.treeHead.rootHash = '0'.repeat(64);
    const result = verifyBundle(signAnyway(unsigned(forged), key), publicKeyPem);
    expect(codesOf(result)).toEqual(['HEAD_SIGNATURE', ...Array(10).fill('INCLUSION_PROOF')]);
  });

  it('should name a cited event the bundle does not carry', () => {
    const forged = clone();
    forged.events = forged.events.filter((e) => e.seq !== 3);
    const result = verifyBundle(signAnyway(unsigned(forged), key), publicKeyPem);
    expect(result.failures.map((f) => [f.code, f.section, f.record, f.seq])).toEqual([
      ['MISSING_EVENT', 'recordOfProcessing', 'ropa', 3],
      ['MISSING_EVENT', 'services', 'maps', 3],
      ['MISSING_EVENT', 'services', 'search', 3],
    ]);
  });

  it('should refuse duplicate events and records', () => {
    const forged = clone();
    forged.events.push(forged.events[0]);
    forged.sections.services.push(forged.sections.services[1]);
    const result = verifyBundle(signAnyway(unsigned(forged), key), publicKeyPem);
    expect(codesOf(result)).toEqual(['DUPLICATE_EVENT', 'DUPLICATE_RECORD']);
  });

  it('should say when the bundle was signed with another key than the one given', () => {
    const other = generateSigningKey();
    expect(verifyBundle(text, exportPublicKeyPem(other))).toEqual({
      ok: false,
      failures: [{ code: 'KEY_MISMATCH', message: expect.stringContaining(other.keyId), path: 'signature' }],
      summary: null,
    });
    const forged = { ...bundle, signature: { ...bundle.signature, keyId: other.keyId } };
    expect(codesOf(verifyBundle(JSON.stringify(forged), other))).toEqual(['HEAD_SIGNATURE', 'BUNDLE_SIGNATURE'].sort());
  });

  it('should report a file that is not a bundle, or not this version of one', () => {
    expect(verifyBundle(text.slice(0, -1), publicKeyPem).failures).toEqual([{ code: 'PARSE_ERROR', message: expect.stringContaining('not JSON') }]);
    expect(verifyBundle(Buffer.from([0x7b, 0xff, 0x7d]), publicKeyPem).failures).toEqual([{ code: 'PARSE_ERROR', message: 'the file is not UTF-8 text' }]);
    expect(verifyBundle('[1,2]', publicKeyPem).failures).toEqual([{ code: 'PARSE_ERROR', message: expect.stringContaining('not a Canopy evidence bundle') }]);
    expect(verifyBundle(JSON.stringify({ ...bundle, canopyEvidenceBundle: 2 }), publicKeyPem).failures).toEqual([
      { code: 'UNSUPPORTED_VERSION', message: expect.stringContaining('format 2') },
    ]);
  });

  it('should name where a field is missing, extra or malformed', () => {
    const forged = clone() as unknown as { sections: { services: Array<Record<string, unknown>> }; events: Array<Record<string, unknown>> };
    delete forged.sections.services[1].digest;
    forged.sections.services[0].snapshot = { seq: 12 };
    forged.events[2].extra = true;
    const result = verifyBundle(JSON.stringify(forged), publicKeyPem);
    expect(result.failures.map((f) => [f.code, f.path, f.record ?? f.seq])).toEqual(
      expect.arrayContaining([
        ['FORMAT_ERROR', 'sections.services[1]', 'search'],
        ['FORMAT_ERROR', 'sections.services[0]', 'maps'],
        ['FORMAT_ERROR', 'events[2]', 3],
      ]),
    );
    expect(result.summary).toBeNull();
  });

  it('should throw a key error, not report a bundle failure, for an unusable key', () => {
    expect(() => verifyBundle(text, 'not a key')).toThrow(EvidenceKeyError);
  });
});

describe('createBundle', () => {
  it('should refuse content an exporter got wrong', () => {
    const content = bundleContent(key);
    expect(() => createBundle(content, generateSigningKey())).toThrow(/another key/);
    expect(() => createBundle({ ...content, events: content.events.slice(1) }, key)).toThrow(/does not carry/);
    expect(() => createBundle({ ...content, events: [...content.events, content.events[0]] }, key)).toThrow(/twice/);
    const twice = { ...content.sections, conflicts: [content.sections.conflicts[0], content.sections.conflicts[0]] };
    expect(() => createBundle({ ...content, sections: twice }, key)).toThrow(/two records/);
  });
});
