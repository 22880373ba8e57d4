import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from '../secret-box';
import { signatureHeader } from '../webhook-signature';

describe('sealSecret / openSecret', () => {
  const key = randomBytes(32);

  it('should seal with the key so the stored form does not show the secret, and open it again', () => {
    const stored = sealSecret('whsec_abc', key);
    expect(stored).toMatch(/^aes256gcm:/);
    expect(stored).not.toContain('whsec_abc');
    expect(openSecret(stored, key)).toBe('whsec_abc');
    expect(sealSecret('whsec_abc', key)).not.toBe(stored);
  });

  it('should store the secret as it is without a key', () => {
    expect(openSecret(sealSecret('whsec_abc', null), null)).toBe('whsec_abc');
    expect(openSecret(sealSecret('whsec_abc', null), key)).toBe('whsec_abc');
  });

  it('should say why a sealed secret does not open', () => {
    const stored = sealSecret('whsec_abc', key);
    expect(() => openSecret(stored, null)).toThrow(/CANOPY_SECRETS_KEY is not set/);
    expect(() => openSecret(stored, randomBytes(32))).toThrow(/does not open/);
    expect(() => openSecret(stored.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), key)).toThrow(/does not open/);
  });
});

describe('signatureHeader', () => {
  it('should be t=<unix seconds>,v1=<HMAC-SHA256 keyed by the secret string over "<t>.<body>">', () => {
    const body = '{"id":"e1","type":"notice.issued","occurredAt":"2026-01-01T00:00:00.000Z","data":null}';
    // Computed apart: printf '%s' "1700000000.$body" | openssl dgst -sha256 -hmac whsec_test-secret
    expect(signatureHeader('whsec_test-secret', body, new Date(1_700_000_000_999))).toBe(
      't=1700000000,v1=521dd7b6cd6ed2b8c02dc09f3ab243014182ecf560eafdbb865cb3c0bb31f683',
    );
  });
});
