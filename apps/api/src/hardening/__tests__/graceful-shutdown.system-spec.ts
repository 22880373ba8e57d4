import http from 'node:http';
import { Socket } from 'node:net';
import { ADMIN_TOKEN, ApiChild } from './system/api-child';
import { PrivateMariaDb } from './system/private-mariadb';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A POST whose body is only half sent: the request is in flight until finish() sends the rest. */
function halfSentRequest(url: string, body: string) {
  const { hostname, port } = new URL(url);
  let resolveAnswer: (value: { status: number; text: string }) => void = () => undefined;
  let rejectAnswer: (error: Error) => void = () => undefined;
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    resolveAnswer = resolve;
    rejectAnswer = reject;
  });
  const request = http.request(
    {
      hostname,
      port,
      path: '/graphql',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${ADMIN_TOKEN}` },
    },
    (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolveAnswer({ status: response.statusCode ?? 0, text }));
    },
  );
  request.on('error', (error) => rejectAnswer(error));
  request.write(body.slice(0, 10));
  return { answer, finish: () => request.end(body.slice(10)) };
}

async function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
    socket.connect(Number(port), hostname);
  });
}

async function abortedClients(db: PrivateMariaDb): Promise<number> {
  const c = await db.connect();
  const [rows] = await c.query("SHOW GLOBAL STATUS LIKE 'Aborted_clients'");
  await c.end();
  return Number((rows as { Value: string }[])[0].Value);
}

describe('graceful shutdown of the built API on SIGTERM', () => {
  let db: PrivateMariaDb;
  let url: string;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    url = await db.createDatabase('canopy');
  });
  afterAll(() => db?.destroy());

  it('should stop accepting, finish the request in flight, close the pool and exit 0', async () => {
    const api = await ApiChild.start(url, { CANOPY_SHUTDOWN_GRACE_MS: '10000' });
    // Open the pool's connections, so there is something to close.
    await Promise.all(Array.from({ length: 8 }, () => api.ok('{ services(first: 5) { totalCount } }')));
    const abortedBefore = await abortedClients(db);

    const inFlight = halfSentRequest(api.url, JSON.stringify({ query: 'mutation { createTeam(key: "late", name: "Late but whole") { key name } }' }));
    await sleep(200);
    const signalledAt = Date.now();
    api.kill('SIGTERM');
    await sleep(300);

    // No new connections, while the request in flight is still being served.
    expect(await refusesConnections(api.url)).toBe(true);
    expect(api.alive).toBe(true);

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { createTeam: { key: 'late', name: 'Late but whole' } } });

    const exit = await api.exit;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    const messages = api.logLines().map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['shutting down: finishing requests in flight', 'shut down cleanly']));

    // The pool was closed (each connection said goodbye: none counted as aborted), and the write is there.
    expect(await abortedClients(db)).toBe(abortedBefore);
    const again = await ApiChild.start(url);
    try {
      expect((await again.ok('{ teams { key name } }')).teams).toEqual(expect.arrayContaining([{ key: 'late', name: 'Late but whole' }]));
    } finally {
      await again.stop();
    }
  });

  it('should cut off what is still running after CANOPY_SHUTDOWN_GRACE_MS and still exit 0', async () => {
    const api = await ApiChild.start(url, { CANOPY_SHUTDOWN_GRACE_MS: '1000' });
    const stuck = halfSentRequest(api.url, JSON.stringify({ query: '{ viewer { email } }' }));
    stuck.answer.catch(() => undefined);
    await sleep(200);
    const signalledAt = Date.now();
    api.kill('SIGTERM');
    const exit = await api.exit;
    const took = Date.now() - signalledAt;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(4000);
    await expect(stuck.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('should shut down at once when nothing is in flight, also on SQLite', async () => {
    const api = await ApiChild.start(`sqlite:${db.dir}/shutdown.sqlite`);
    await api.ok('{ viewer { email } }');
    const signalledAt = Date.now();
    api.kill('SIGTERM');
    expect(await api.exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(2000);
  });
});
