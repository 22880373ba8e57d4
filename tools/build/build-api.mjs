// Bundles apps/api into dist/apps/api/main.js. esbuild resolves the workspace
// path aliases; every .ts file goes through swc because esbuild drops the
// decorator metadata TypeORM and type-graphql need. npm packages stay external.
import { build } from 'esbuild';
import { transformFile } from '@swc/core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

const swcDecorators = {
  name: 'swc-decorators',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const out = await transformFile(args.path, { ...swcrc, swcrc: false, sourceMaps: 'inline', module: { type: 'es6' } });
      return { contents: out.code, loader: 'js' };
    });
  },
};

const outdir = path.join(root, 'dist', 'apps', 'api');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [path.join(root, 'apps/api/src/main.ts')],
  outfile: path.join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.base.json'),
  plugins: [swcDecorators],
  logLevel: 'warning',
});
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
writeFileSync(
  path.join(outdir, 'package.json'),
  JSON.stringify({ name: 'canopy-api', private: true, main: 'main.js', dependencies: pkg.dependencies }, null, 2),
);
console.log(`built ${path.relative(root, outdir)}/main.js`);
