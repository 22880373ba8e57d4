/**
 * Measures an evidence bundle end to end (docs/evidence.md): the built API
 * (dist/apps/api/main.js, --max-old-space-size=256 as in production) over a
 * dataset database, `canopy export evidence` and `canopy evidence verify`
 * from the CLI's sources, each in its own process:
 *   CANOPY_TOKEN=<an auditor's or admin's token> npm run bench:evidence-bundle -- DATABASE_URL [OUT_DIR]
 * Prints the bundle's size, the export's and the verify's wall time, the
 * verify's peak RSS and the API's peak RSS (VmHWM) over the export.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_TOKEN, startApi } from './api-process';

const ROOT = path.resolve(__dirname, '../..');

function run(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, '-r', '@swc-node/register', path.join(ROOT, 'apps/cli/src/main.ts'), ...argv], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
      maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 99) : 0, stdout, stderr, ms: Date.now() - started }));
  });
}

const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const maxRssMb = (stderr: string) => Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024;

async function main() {
  const [databaseUrl, outDir = '/tmp'] = process.argv.slice(2);
  if (!databaseUrl) throw new Error('usage: evidence-bundle.ts DATABASE_URL [OUT_DIR]');
  const api = await startApi(databaseUrl);
  try {
    const env = { CANOPY_URL: api.url, CANOPY_TOKEN: process.env.CANOPY_TOKEN ?? BENCH_TOKEN };
    const file = path.join(outDir, 'evidence-bundle.jsonl');
    const keyFile = path.join(outDir, 'canopy-audit-key.pem');
    writeFileSync(keyFile, await (await fetch(`${api.url}/.well-known/canopy-audit-key`)).text());
    const rssBefore = peakRssMb(api.child.pid!);
    const exported = await run(['export', 'evidence', '-o', file, '--output', 'json'], env);
    const apiPeak = peakRssMb(api.child.pid!);
    if (exported.code !== 0) throw new Error(`export failed (${exported.code}): ${exported.stderr} ${exported.stdout}`);
    const verified = await run(['evidence', 'verify', file, '--key', keyFile, '--output', 'json'], env);
    const summary = JSON.parse(verified.stdout).summary;
    console.log(
      JSON.stringify(
        {
          bytes: statSync(file).size,
          export: { ms: exported.ms, cliRssMb: maxRssMb(exported.stderr), ...JSON.parse(exported.stdout) },
          verify: { code: verified.code, ms: verified.ms, rssMb: maxRssMb(verified.stderr), summary },
          api: { peakRssMbBeforeExport: rssBefore, peakRssMbAfterExport: apiPeak },
        },
        null,
        2,
      ),
    );
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
