import { createHash, generateKeyPairSync } from 'node:crypto';
import { EvidenceKeyError, exportPrivateKeyPem, exportPublicKeyPem, generateSigningKey, loadPublicKey, loadSigningKey } from './keys';
import { signTreeHead, treeHeadMessage, verifyTreeHead } from './tree-head';

const key = generateSigningKey();
const publicPem = exportPublicKeyPem(key);
const head = { treeSize: 5, rootHash: 'ab'.repeat(32), timestamp: '2026-12-01T09:30:00.000Z' };

describe('signing keys', () => {
  it('should name a key by the SHA-256 of its DER SPKI', () => {
    // An Ed25519 SPKI is a fixed 12-byte header and the 32-byte raw key (RFC 8410).
    const raw = Buffer.from(key.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
    expect(key.keyId).toBe(createHash('sha256').update(spki).digest('hex'));
  });

  it('should round-trip PEM PKCS#8 and PEM SPKI', () => {
    const privatePem = exportPrivateKeyPem(key);
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(loadSigningKey(privatePem).keyId).toBe(key.keyId);
    expect(loadPublicKey(publicPem).keyId).toBe(key.keyId);
  });

  it('should refuse what is not an Ed25519 key of the right kind, with a clear error', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => loadSigningKey('not a key')).toThrow(EvidenceKeyError);
    expect(() => loadSigningKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/not Ed25519/);
    expect(() => loadPublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/not Ed25519/);
    expect(() => loadPublicKey(exportPrivateKeyPem(key))).toThrow(/got a private key/);
    expect(() => loadPublicKey('')).toThrow(EvidenceKeyError);
  });
});

describe('signed tree heads', () => {
  it('should sign the canonical JSON of { treeSize, rootHash, timestamp }', () => {
    expect(treeHeadMessage(head).toString()).toBe(`{"rootHash":"${'ab'.repeat(32)}","timestamp":"2026-12-01T09:30:00.000Z","treeSize":5}`);
    const signed = signTreeHead(head, key);
    expect(signed).toMatchObject({ ...head, keyId: key.keyId });
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64);
    expect(verifyTreeHead(signed, publicPem)).toEqual({ ok: true });
  });

  it.each([
    ['treeSize', { treeSize: 6 }],
    ['rootHash', { rootHash: 'ac'.repeat(32) }],
    ['timestamp', { timestamp: '2026-12-01T09:30:00.001Z' }],
    ['signature', { signature: Buffer.alloc(64).toString('base64') }],
  ])('should fail when its %s changed', (_field, change) => {
    expect(verifyTreeHead({ ...signTreeHead(head, key), ...change }, publicPem)).toEqual({ ok: false, reason: expect.any(String) });
  });

  it('should fail against another key, naming both', () => {
    const other = generateSigningKey();
    const result = verifyTreeHead(signTreeHead(head, key), exportPublicKeyPem(other));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(other.keyId) });
  });

  it('should fail a head whose signature is another key’s even when it claims this key’s id', () => {
    const forged = { ...signTreeHead(head, generateSigningKey()), keyId: key.keyId };
    expect(verifyTreeHead(forged, key)).toEqual({ ok: false, reason: 'the signature does not match the tree head' });
  });

  it('should refuse to sign a malformed head', () => {
    expect(() => signTreeHead({ ...head, rootHash: 'AB'.repeat(32) }, key)).toThrow(RangeError);
    expect(() => signTreeHead({ ...head, treeSize: -1 }, key)).toThrow(RangeError);
    expect(() => signTreeHead({ ...head, timestamp: 'yesterday' }, key)).toThrow(RangeError);
  });
});
