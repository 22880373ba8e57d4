import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBundle, exportPublicKeyPem, generateSigningKey, serializeBundle, signTreeHead, verifyBundle, type EvidenceBundle } from '@canopy/evidence';
import type { Viewer } from '../../../auth/viewer';
import { evidenceBundleRoute } from '../evidence-bundle.route';

const AUDITOR: Viewer = { id: 'u1', email: 'a@x.test', name: 'A', roles: ['AUDITOR'], teamIds: [], via: 'token' };
const key = generateSigningKey();
const timestamp = '2026-12-01T00:00:00.000Z';
const bundle = createBundle(
  { at: timestamp, generatedAt: timestamp, treeHead: signTreeHead({ treeSize: 1, rootHash: 'ab'.repeat(32), timestamp }, key), sections: { services: [] }, events: [] },
  key,
);
const fixture = { bundle, text: serializeBundle(bundle), publicKeyPem: exportPublicKeyPem(key) };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const prepared = { instant: new Date(), treeSize: 10, now: new Date() };

/** The route over a bundle maker that takes `delayMs` to build (or fails), kept alive every 20 ms. */
async function serve(delayMs: number, fail = false): Promise<{ url: string; close(): void }> {
  const bundles = {
    prepare: async () => prepared,
    assemble: async (): Promise<EvidenceBundle> => {
      await sleep(delayMs);
      if (fail) throw new Error('the database went away');
      return fixture.bundle;
    },
  };
  const app = express();
  app.get('/evidence/bundle', evidenceBundleRoute(bundles, { now: () => new Date() }, () => AUDITOR, 20));
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/evidence/bundle`, close: () => server.close() };
}

describe('GET /evidence/bundle, slow builds', () => {
  it('should send a quick bundle with its Content-Length and nothing else', async () => {
    const s = await serve(0);
    try {
      const response = await fetch(s.url);
      const text = await response.text();
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      expect(text).toBe(fixture.text);
    } finally {
      s.close();
    }
  });

  it('should answer a slow build at once and keep it alive with spaces before the bundle, which still verifies', async () => {
    const s = await serve(150);
    try {
      const response = await fetch(s.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBeNull();
      const text = await response.text();
      expect(text).toMatch(/^ +\{/);
      expect(text.trimStart()).toBe(fixture.text);
      expect(verifyBundle(text, fixture.publicKeyPem).ok).toBe(true);
    } finally {
      s.close();
    }
  });

  it('should cut the connection when a slow build fails after the answer began', async () => {
    const s = await serve(100, true);
    try {
      const response = await fetch(s.url);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    } finally {
      s.close();
    }
  });
});
