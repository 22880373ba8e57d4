import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPrivateKeyPem, generateSigningKey } from '@canopy/evidence';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('should default to the embedded database on port 4000 with demo data', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      databaseUrl: 'sqlite:./.data/canopy.sqlite',
      production: false,
      demo: true,
      benchmark: true,
      sqlCount: true,
      bootstrap: null,
      logLevel: 'info',
      // Their defaults and validation: hardening/__tests__/hardening-config.spec.ts
      hardening: expect.any(Object),
      shutdownGraceMs: 10_000,
      maxListResults: 10_000,
      notifications: expect.any(Object),
      signingKey: null,
    });
  });

  it('should read the cap on unpaginated lists from CANOPY_MAX_LIST_RESULTS and refuse one below 1', () => {
    expect(loadConfig({ CANOPY_MAX_LIST_RESULTS: '250' }).maxListResults).toBe(250);
    expect(() => loadConfig({ CANOPY_MAX_LIST_RESULTS: '0' })).toThrow(/CANOPY_MAX_LIST_RESULTS/);
  });

  it("should keep the benchmark's switches off in production unless CANOPY_BENCHMARK turns them on", () => {
    const production = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/canopy', NODE_ENV: 'production' };
    expect(loadConfig(production).benchmark).toBe(false);
    expect(loadConfig({ ...production, CANOPY_BENCHMARK: 'true' }).benchmark).toBe(true);
    expect(loadConfig({ CANOPY_BENCHMARK: '0' }).benchmark).toBe(false);
  });

  it('should count statements where the benchmark switches are on, unless CANOPY_SQL_COUNT says otherwise', () => {
    const production = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/canopy', NODE_ENV: 'production' };
    expect(loadConfig(production).sqlCount).toBe(false);
    expect(loadConfig({ ...production, CANOPY_BENCHMARK: 'true' }).sqlCount).toBe(true);
    expect(loadConfig({ ...production, CANOPY_BENCHMARK: 'true', CANOPY_SQL_COUNT: 'false' })).toMatchObject({ benchmark: true, sqlCount: false });
    expect(loadConfig({}).sqlCount).toBe(true);
    expect(loadConfig({ CANOPY_SQL_COUNT: 'false' }).sqlCount).toBe(false);
  });

  it('should accept a mysql URL without a password and keep demo off for it', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/canopy', NODE_ENV: 'production' });
    expect(config.databaseUrl).toBe('mysql://root@127.0.0.1:3306/canopy');
    expect(config.demo).toBe(false);
    expect(config.production).toBe(true);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('should read CANOPY_DEMO=%s as %s', (value, expected) => {
    expect(loadConfig({ CANOPY_DEMO: value }).demo).toBe(expected);
  });

  it('should take the bootstrap admin when both variables are set', () => {
    const config = loadConfig({ CANOPY_BOOTSTRAP_ADMIN_EMAIL: 'Root@Example.com', CANOPY_BOOTSTRAP_TOKEN: 'x'.repeat(16) });
    expect(config.bootstrap).toEqual({ email: 'root@example.com', token: 'x'.repeat(16) });
  });

  it('should name every bad value in one error', () => {
    expect(() =>
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'postgres://x@y/z',
        CANOPY_DEMO: 'yes',
        CANOPY_BOOTSTRAP_ADMIN_EMAIL: 'not-an-email',
        CANOPY_BOOTSTRAP_TOKEN: 'short',
      }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL: unsupported scheme[\s\S]*CANOPY_DEMO: must be one of true, false, 1, 0[\s\S]*CANOPY_BOOTSTRAP_ADMIN_EMAIL[\s\S]*CANOPY_BOOTSTRAP_TOKEN: must have at least 16/);
  });

  it('should refuse half a bootstrap pair', () => {
    expect(() => loadConfig({ CANOPY_BOOTSTRAP_ADMIN_EMAIL: 'a@b.co' })).toThrow(/set both/);
  });

  it('should refuse a mysql URL without a database', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@localhost:3306/' })).toThrow(/names no database/);
  });
});

describe('CANOPY_SIGNING_KEY_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-key-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('should load a PEM PKCS#8 Ed25519 key', () => {
    const key = generateSigningKey();
    const config = loadConfig({ CANOPY_SIGNING_KEY_FILE: write('good.pem', exportPrivateKeyPem(key)) });
    expect(config.signingKey?.keyId).toBe(key.keyId);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.pem'), /CANOPY_SIGNING_KEY_FILE: cannot read ".*missing\.pem": ENOENT/],
    ['a file that is no key', () => write('junk.pem', 'hello'), /CANOPY_SIGNING_KEY_FILE: ".*junk\.pem" does not hold a PEM PKCS#8 Ed25519 private key/],
    ['an RSA key', () => write('rsa.pem', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), /CANOPY_SIGNING_KEY_FILE: .*not Ed25519/],
  ])('should refuse %s, naming the variable', (_case, path, message) => {
    expect(() => loadConfig({ CANOPY_SIGNING_KEY_FILE: path() })).toThrow(message);
  });
});
