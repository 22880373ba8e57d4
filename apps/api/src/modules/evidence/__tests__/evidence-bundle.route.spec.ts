import type { AddressInfo } from 'node:net';
import express from 'express';
import { BundleWriter, exportPublicKeyPem, generateSigningKey, signTreeHead, verifyBundle } from '@canopy/evidence';
import type { Viewer } from '../../../auth/viewer';
import type { BundleSink, PreparedBundle } from '../evidence-bundle.app-service';
import { evidenceBundleRoute } from '../evidence-bundle.route';

const AUDITOR: Viewer = { id: 'u1', email: 'a@x.test', name: 'A', roles: ['AUDITOR'], teamIds: [], via: 'token' };
const key = generateSigningKey();
const publicKeyPem = exportPublicKeyPem(key);
const timestamp = '2026-12-01T00:00:00.000Z';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const prepared: PreparedBundle = { instant: new Date(), treeSize: 10, now: new Date() };

/** The route over a bundle maker that writes `pieces` records, `delayMs` apart (or fails after the first). */
async function serve(options: { pieces: number; delayMs: number; fail?: boolean; onStop?: (written: number) => void }) {
  const bundles = {
    prepare: async () => prepared,
    write: async (_p: PreparedBundle, sink: BundleSink) => {
      const head = { at: timestamp, generatedAt: timestamp, treeHead: signTreeHead({ treeSize: 1, rootHash: 'ab'.repeat(32), timestamp }, key), records: options.pieces };
      const writer = new BundleWriter(head, key);
      await sink.write(writer.header());
      let written = 0;
      try {
        for (let i = 0; i < options.pieces; i++) {
          await sleep(options.delayMs);
          if (options.fail && i === 1) throw new Error('the database went away');
          await sink.write(writer.records('services', [{ key: `s${i}`, data: { big: 'x'.repeat(64 * 1024) }, events: [] }]));
          written++;
        }
        await sink.write(writer.end());
      } finally {
        options.onStop?.(written);
      }
    },
  };
  const app = express();
  app.get('/evidence/bundle', evidenceBundleRoute(bundles, { now: () => new Date() }, () => AUDITOR, 20));
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/evidence/bundle`, close: () => { server.closeAllConnections(); server.close(); } };
}

describe('GET /evidence/bundle, streamed', () => {
  it('should answer at once and write the bundle piece by piece, kept alive with blank lines while a piece is slow; it verifies', async () => {
    const s = await serve({ pieces: 3, delayMs: 70 });
    try {
      const response = await fetch(s.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      expect(response.headers.get('content-length')).toBeNull();
      const text = await response.text();
      expect(text).toMatch(/\n\n/); // a keep-alive line
      expect(verifyBundle(text, publicKeyPem)).toMatchObject({ ok: true, summary: { records: 3 } });
    } finally {
      s.close();
    }
  });

  it('should cut the connection when the build fails after the answer began', async () => {
    const s = await serve({ pieces: 3, delayMs: 10, fail: true });
    try {
      const response = await fetch(s.url);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    } finally {
      s.close();
    }
  });

  it('should stop building when the client goes away', async () => {
    let stoppedAfter = -1;
    const s = await serve({ pieces: 200, delayMs: 5, onStop: (written) => (stoppedAfter = written) });
    try {
      const controller = new AbortController();
      const response = await fetch(s.url, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      for (let i = 0; i < 100 && stoppedAfter < 0; i++) await sleep(20);
      expect(stoppedAfter).toBeGreaterThanOrEqual(0);
      expect(stoppedAfter).toBeLessThan(200);
    } finally {
      s.close();
    }
  });
});
