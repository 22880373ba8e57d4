import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { getIntrospectionQuery } from 'graphql';
import { batchLimit, documentNesting, documentNestingLimit, graphqlBody, RequestDeadlines } from '../request-guards';

async function serve(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('documentNesting', () => {
  it('should count brackets of every kind, outside strings, block strings and comments', () => {
    expect(documentNesting('{ a { b(x: [1, [2]]) { c } } }')).toBe(5);
    expect(documentNesting('{ a(s: "{{{{[[[[") }')).toBe(2);
    expect(documentNesting('{ a(s: """ {{{ \\""" [[[ """) }')).toBe(2);
    expect(documentNesting('{ a # {{{{{{\n }')).toBe(1);
    expect(documentNesting('{ a(s: "escaped \\" {{{{") }')).toBe(2);
  });

  it('should measure the standard introspection query far below the limit', () => {
    expect(documentNesting(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true }))).toBeLessThan(20);
  });

  it('should survive unbalanced and hostile input', () => {
    expect(documentNesting('}}}{')).toBe(1);
    expect(documentNesting('"unterminated {{{')).toBe(0);
    expect(documentNesting('['.repeat(100_000))).toBe(100_000);
  });
});

describe('request guards', () => {
  let server: { url: string; close(): Promise<void> };
  const deadlines = new RequestDeadlines(200);
  const finished: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.requestId = Math.random().toString(36).slice(2);
      next();
    });
    app.post('/graphql', deadlines.middleware, graphqlBody(2048), batchLimit(3), documentNestingLimit(10), async (req, res) => {
      const { wait, mutation } = req.body as { wait?: number; mutation?: boolean };
      if (mutation) deadlines.disarm(res.locals.requestId);
      await new Promise((resolve) => setTimeout(resolve, wait ?? 0));
      finished.push(mutation ? 'mutation' : 'query');
      res.json({ data: { ok: true } });
    });
    server = await serve(app);
  });
  afterAll(() => server.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('should pass a request within every limit', async () => {
    const r = await post(JSON.stringify({ query: '{ a { b } }' }));
    expect(r.status).toBe(200);
  });

  it('should refuse a body over the limit with 413 naming CANOPY_MAX_BODY_BYTES', async () => {
    const r = await post(JSON.stringify({ query: 'x'.repeat(3000) }));
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({ errors: [{ message: 'The request body is larger than the limit of 2048 bytes (CANOPY_MAX_BODY_BYTES).', extensions: { code: 'BAD_REQUEST', limit: 'CANOPY_MAX_BODY_BYTES' } }] });
  });

  it('should answer in the media type the client accepts', async () => {
    const r = await post('{ not json', { accept: 'application/graphql-response+json' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('should refuse a batch over the limit, and an empty one', async () => {
    expect((await post(JSON.stringify([{ query: '{ a }' }, { query: '{ b }' }]))).status).toBe(200);
    const over = await post(JSON.stringify([{ query: '{ a }' }, { query: '{ a }' }, { query: '{ a }' }, { query: '{ a }' }]));
    expect(over.status).toBe(400);
    expect(((await over.json()) as any).errors[0].message).toMatch(/1 to 3 operations \(CANOPY_MAX_BATCH_OPERATIONS\); this one has 4/);
    expect((await post('[]')).status).toBe(400);
  });

  it('should refuse a document nested deeper than the limit before it is parsed, in batches too', async () => {
    const deep = `{ a(x: ${'['.repeat(20)}1${']'.repeat(20)}) }`;
    const r = await post(JSON.stringify({ query: deep }));
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'nesting', max: 10, actual: 22 } });
    expect((await post(JSON.stringify([{ query: '{ a }' }, { query: deep }]))).status).toBe(400);
  });

  it('should answer a query still running at the deadline with QUERY_TOO_COMPLEX, and drop its late answer', async () => {
    const started = Date.now();
    const r = await post(JSON.stringify({ query: '{ slow }', wait: 600 }));
    expect(Date.now() - started).toBeLessThan(550);
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'CANOPY_REQUEST_TIMEOUT_MS' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(finished).toContain('query');
    expect((await post(JSON.stringify({ query: '{ a }' }))).status).toBe(200);
  });

  it('should let a disarmed mutation run past the deadline and answer', async () => {
    const r = await post(JSON.stringify({ query: 'mutation { m }', wait: 500, mutation: true }));
    expect(r.status).toBe(200);
    expect(deadlines.pending).toBe(0);
  });
});
