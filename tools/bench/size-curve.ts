/**
 * The size curve of issue 14 (docs/benchmarks.md, "Size curve"):
 *   npm run bench:curve -- [--sizes 5000,25000] [--seed canopy] [--db mysql|sqlite] [--out FILE]
 *   npm run bench:curve -- --dataset FILE     (the database `npm run dataset -- --json FILE` wrote, kept)
 *
 * For each size: a fresh database and dataset, the release step (`main.js migrate`: it stores the bulk-loaded
 * audit log's Merkle subtrees), one API process with the production Node flags
 * (API_NODE_FLAGS: --max-old-space-size=256), and the benchmark's read workloads request by request,
 * each with its p50 and the process's peak RSS while it ran (sampled every 100 ms). The findings sweep
 * goes a page at a time; the plain `findings` list is asked too, to see it refused (RESULT_TOO_LARGE)
 * without building the answer. The transfer what-if (workload 6) runs over every live arrangement.
 * Fails when the process dies or restarts, or its peak RSS passes 350 MB.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase, type GeneratedDataset, generateDataset, openDataSource, TestDialect } from '@canopy/persistence';
import { API_MAIN, API_NODE_FLAGS, gql, ROOT, startApi } from './api-process';
import { rssSampler } from './mixed';
import { ms, percentile, table } from './stats';
import { FINDINGS_PAGE, FINDINGS_SWEEP, SERVICE_LIST, SERVICE_PAGE, sweepFindingsPages, TRANSFER_IMPACT } from './workloads';

const RSS_LIMIT_MB = 350;
const log = (message: string) => console.error(`[curve ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Row {
  size: number;
  workload: string;
  n: number;
  p50: number;
  peakRss: number;
  note: string;
}

interface Workload {
  name: string;
  iterations: number;
  /** One request (or sweep); returns a note for the report. */
  run: (i: number) => Promise<string>;
}

/** What the workloads need of a generated dataset. */
type Logins = Pick<GeneratedDataset, 'logins' | 'serviceKeysWithPolicy' | 'serviceKeysWithoutPolicy'>;

async function measureSize(size: number, dialect: TestDialect, seed: string): Promise<Row[]> {
  const database = await createTestDatabase(dialect);
  try {
    const started = performance.now();
    const dataSource = await openDataSource(database.url);
    await dataSource.runMigrations({ transaction: 'each' });
    const dataset = await generateDataset(dataSource, { services: size, seed });
    await dataSource.destroy();
    log(`${size} services: dataset in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return await measureDatabase(database.url, size, dataset);
  } finally {
    await database.drop();
  }
}

/**
 * The release step docs/deployment.md runs before the processes start (`main.js migrate`, with the
 * production flags): on a bulk-loaded dataset it stores the audit tree's subtrees, which the serving
 * process would otherwise catch up at its start.
 */
async function releaseStep(url: string, size: number): Promise<Row> {
  const started = performance.now();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, API_MAIN, 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const sampler = rssSampler([child.pid!], 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const [peakRss] = sampler.stop();
  if (code !== 0) throw new Error(`main.js migrate exited with ${code}: ${output}`);
  const row = { size, workload: '0. release step (main.js migrate)', n: 1, p50: performance.now() - started, peakRss, note: output.trim().split('\n').join('; ') };
  log(`${size} services, ${row.workload}: ${ms(row.p50)} ms, peak RSS ${peakRss.toFixed(0)} MB (${row.note})`);
  return row;
}

async function measureDatabase(url: string, size: number, dataset: Logins): Promise<Row[]> {
  const release = await releaseStep(url, size);
  const api = await startApi(url);
  const pid = api.child.pid!;
  const officer = dataset.logins.officers[0].token;
  const auditor = dataset.logins.auditor.token;
  const keys = [...dataset.serviceKeysWithPolicy.slice(0, 10), ...dataset.serviceKeysWithoutPolicy.slice(0, 10)];
  const ok = <T extends { body: { errors?: unknown[] } }>(r: T, what: string): T => {
    if (r.body.errors) throw new Error(`${what}: ${JSON.stringify(r.body.errors).slice(0, 300)}`);
    return r;
  };
  const workloads: Workload[] = [
    ...[10, 100].map((first) => ({
      name: `1. service list, first: ${first}`,
      iterations: 20,
      run: async () => `${ok(await gql(api.url, officer, SERVICE_LIST, { first }), 'list').statements} SQL`,
    })),
    { name: '2. service page', iterations: 20, run: async (i) => `${ok(await gql(api.url, officer, SERVICE_PAGE, { key: keys[i % keys.length] }), 'page').statements} SQL` },
    {
      name: '3. findings sweep, pages of 1,000',
      iterations: 2,
      run: async () => {
        const s = await sweepFindingsPages(api.url, auditor);
        return `${s.findings} findings, ${s.pages} pages, ${s.statements} SQL`;
      },
    },
    {
      name: '3a. first findings page (500)',
      iterations: 10,
      run: async () => `${ok(await gql(api.url, auditor, FINDINGS_PAGE, { first: 500, after: null }), 'findings page').statements} SQL`,
    },
    {
      name: '3b. plain findings list',
      iterations: 2,
      run: async () => {
        const r = await gql(api.url, auditor, FINDINGS_SWEEP, {});
        const code = (r.body.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
        return code ? `refused: ${code}` : `${r.body.data?.findings.length} findings`;
      },
    },
    {
      name: '6. transfer what-if',
      iterations: 5,
      run: async () => {
        // Capped like the plain lists (CANOPY_MAX_LIST_RESULTS): above it, refused after the batch that passes it.
        const answer = await gql(api.url, auditor, TRANSFER_IMPACT, {});
        const code = (answer.body.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
        if (code === 'RESULT_TOO_LARGE') return `refused: ${code}, ${answer.statements} SQL`;
        const r = ok(answer, 'transfer what-if');
        const affected = r.body.data!.transferImpact.affected;
        return `${affected.length} affected, ${affected.reduce((n, a) => n + a.findingsOpening.length, 0)} findings opening, ${r.statements} SQL`;
      },
    },
  ];

  const rows: Row[] = [release];
  for (const w of workloads) {
    await w.run(0); // warm-up
    const sampler = rssSampler([pid], 100);
    const times: number[] = [];
    let note = '';
    for (let i = 0; i < w.iterations; i++) {
      const t = performance.now();
      note = await w.run(i);
      times.push(performance.now() - t);
    }
    const [peakRss] = sampler.stop();
    if (api.child.exitCode !== null || api.child.pid !== pid) throw new Error(`the API process ended during "${w.name}" at ${size} services`);
    rows.push({ size, workload: w.name, n: w.iterations, p50: percentile(times, 50), peakRss, note });
    log(`${size} services, ${w.name}: p50 ${ms(percentile(times, 50))} ms, peak RSS ${peakRss.toFixed(0)} MB (${note})`);
  }
  await api.stop();
  return rows;
}

async function main() {
  const text = (fallback: string) => ({ type: 'string', default: fallback }) as const;
  const { values } = parseArgs({
    options: { sizes: text('5000,25000'), seed: text('canopy'), db: text('mysql'), out: text(path.join(ROOT, 'tmp/bench/curve.md')), dataset: { type: 'string' } },
  });
  const dialect: TestDialect = values.db === 'sqlite' ? 'sqlite' : 'mysql';
  if (dialect === 'mysql') process.env.TEST_MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test';
  const started = performance.now();
  const rows: Row[] = [];
  if (values.dataset) {
    // A database `npm run dataset -- --json FILE` wrote (its URL and logins): measured as it is, and kept.
    const kept = JSON.parse(readFileSync(values.dataset, 'utf8')) as Logins & { url: string; counts: Record<string, number> };
    rows.push(...(await measureDatabase(kept.url, kept.counts.services, kept)));
  } else {
    for (const size of values.sizes!.split(',').map(Number)) rows.push(...(await measureSize(size, dialect, values.seed!)));
  }

  const over = rows.filter((r) => r.peakRss >= RSS_LIMIT_MB);
  const report = [
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${dialect} · Node ${process.version} · API flags \`${API_NODE_FLAGS.join(' ')}\` · load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    '',
    table(
      ['services', 'workload', 'requests', 'p50 ms', 'peak RSS MB', ''],
      rows.map((r) => [r.size.toLocaleString('en'), r.workload, String(r.n), ms(r.p50), r.peakRss.toFixed(0), r.note]),
    ),
    '',
    `The process never restarted; peak RSS under ${RSS_LIMIT_MB} MB in every workload: ${over.length ? `**no** (${over.map((r) => `${r.size} ${r.workload}`).join(', ')})` : 'yes'}. Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n');
  mkdirSync(path.dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, `${report}\n`);
  console.log(report);
  if (over.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
