import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  readFile(path: string): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  /** A file written a piece at a time (a large export), in bounded memory. */
  openWrite(path: string): Promise<FileWriter>;
  /** A file's lines, read as a stream (a large bundle); rejects as readFile does for a missing file. */
  readLines(path: string): Promise<AsyncIterable<string>>;
  fetch: typeof fetch;
}

export interface FileWriter {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

export async function openFileWriter(path: string): Promise<FileWriter> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  await once(stream, 'open');
  return {
    write: async (chunk) => {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    close: () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

export async function readFileLines(path: string): Promise<AsyncIterable<string>> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  await once(stream, 'open');
  // readline starts reading when made and drops lines nobody iterates yet: make it on the first read.
  return (async function* () {
    yield* createInterface({ input: stream, crlfDelay: Infinity });
  })();
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, content) => writeFile(path, content, 'utf8'),
    openWrite: openFileWriter,
    readLines: readFileLines,
    fetch: globalThis.fetch,
  };
}
