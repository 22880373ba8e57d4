import type { CliIo } from '../io';

export interface FakeIo extends CliIo {
  out(): string;
  err(): string;
  written: Map<string, string>;
  requests: { query: string; variables: Record<string, unknown>; authorization: string | null; url: string }[];
}

/** An in-memory CliIo: files from a map, fetch answered by a handler. */
export function fakeIo(
  files: Record<string, string> = {},
  answer: (query: string, variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] } | Promise<{ data?: unknown; errors?: unknown[] }> = () => ({ data: {} }),
  env: Record<string, string> = { CANOPY_URL: 'http://canopy.test', CANOPY_TOKEN: 'token-123' },
  tty = false,
): FakeIo {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const requests: FakeIo['requests'] = [];
  return {
    stdout: { write: (s: string) => (stdout += s), isTTY: tty },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    cwd: '/work',
    readFile: async (path) => {
      const name = path.replace(/^\/work\//, '');
      if (!(name in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[name];
    },
    writeFile: async (path, content) => void written.set(path, content),
    openWrite: async (path) => {
      written.set(path, '');
      return { write: async (chunk) => void written.set(path, written.get(path) + chunk), close: async () => undefined };
    },
    readLines: async (path) => {
      const name = path.replace(/^\/work\//, '');
      if (!(name in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return (async function* () {
        yield* files[name].split('\n');
      })();
    },
    fetch: (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      requests.push({ ...body, authorization: new Headers(init.headers).get('authorization'), url: String(url) });
      const result = await answer(body.query, body.variables);
      return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
    out: () => stdout,
    err: () => stderr,
    written,
    requests,
  };
}
