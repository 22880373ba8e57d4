// Bundles apps/cli into one standalone executable, dist/apps/cli/canopy.js:
// every npm dependency inlined (commander, yaml, zod, csv-stringify, ora), so
// it runs with nothing but Node 20 (`node canopy.js` or `./canopy.js`). The
// CLI has no decorators, so esbuild alone compiles it.
import { build } from 'esbuild';
import { chmodSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = path.join(root, 'dist', 'apps', 'cli');
const outfile = path.join(outdir, 'canopy.js');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [path.join(root, 'apps/cli/src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: false,
  sourcemap: false,
  legalComments: 'eof',
  banner: { js: '#!/usr/bin/env node' },
  tsconfig: path.join(root, 'apps/cli/tsconfig.json'),
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`built ${path.relative(root, outfile)}`);
