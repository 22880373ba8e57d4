import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The import rules of `npm run lint` (.dependency-cruiser.cjs) run over tiny
 * fixture trees laid out like the API: each breaking case must fail with its
 * rule, and a tree that keeps the rules must pass, so a rule that stopped
 * biting (or bit everything) fails here.
 */
const WORKSPACE = path.resolve(__dirname, '..', '..');
const CONFIG = path.join(WORKSPACE, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(WORKSPACE, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const MODULES = 'apps/api/src/modules';

interface Cruise {
  exitCode: number | null;
  rules: string[];
}

function cruise(files: Record<string, string>): Cruise {
  const root = mkdtempSync(path.join(tmpdir(), 'dependency-rules-'));
  try {
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), source);
    }
    // As the lint targets run it: the `err` report, whose exit code counts the errors.
    const run = spawnSync(process.execPath, [DEPCRUISE, 'apps', '-c', CONFIG, '--output-type', 'err'], {
      cwd: root,
      encoding: 'utf8',
      // Nx and CI force colour on; the report is parsed, so it must be plain text.
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    if (run.error) throw run.error;
    const rules = [...`${run.stdout}${run.stderr}`.matchAll(/error ([a-z-]+):/g)].map((m) => m[1]);
    return { exitCode: run.status, rules: [...new Set(rules)].sort() };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Two features, beta above alpha, each with its face (index.ts). */
const twoFeatures = {
  [`${MODULES}/alpha/alpha.types.ts`]: 'export interface Alpha { id: string }\n',
  [`${MODULES}/alpha/index.ts`]: "export type { Alpha } from './alpha.types';\n",
  [`${MODULES}/beta/beta.service.ts`]: "import type { Alpha } from '../alpha';\nexport const betaOf = (alpha: Alpha) => alpha.id;\n",
  [`${MODULES}/beta/index.ts`]: "export { betaOf } from './beta.service';\n",
  'apps/api/src/application.ts': "import { betaOf } from './modules/beta';\nexport const application = { betaOf };\n",
};

describe('the dependency rules', () => {
  it('should pass features that depend one way through their index.ts', () => {
    expect(cruise(twoFeatures)).toEqual({ exitCode: 0, rules: [] });
  });

  it('should fail on an import circle made of type-only imports', () => {
    const result = cruise({
      ...twoFeatures,
      [`${MODULES}/alpha/a.ts`]: "import type { B } from './b';\nexport interface A { b?: B }\n",
      [`${MODULES}/alpha/b.ts`]: "import type { A } from './a';\nexport interface B { a?: A }\n",
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toEqual(['no-circular']);
  });

  it("should fail when a feature imports another feature's internals", () => {
    const result = cruise({
      ...twoFeatures,
      [`${MODULES}/beta/beta.service.ts`]: "import type { Alpha } from '../alpha/alpha.types';\nexport const betaOf = (alpha: Alpha) => alpha.id;\n",
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toEqual(['feature-through-its-index']);
  });

  it('should fail when two features depend on each other, even with no file circle', () => {
    const result = cruise({
      ...twoFeatures,
      [`${MODULES}/alpha/uses-beta.ts`]: "import { betaOf } from '../beta';\nexport const used = betaOf;\n",
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toEqual(['no-feature-circle']);
  });

  it('should fail when a feature imports the wiring root', () => {
    const result = cruise({
      ...twoFeatures,
      [`${MODULES}/alpha/alpha.resolver.ts`]: "import type { application } from '../../application';\nexport type App = typeof application;\n",
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toContain('feature-not-wiring-root');
  });

  it('should fail when common/ imports a feature', () => {
    const result = cruise({
      ...twoFeatures,
      'apps/api/src/common/shared.ts': "import type { Alpha } from '../modules/alpha';\nexport type Shared = Alpha;\n",
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.rules).toEqual(['common-is-a-leaf']);
  });
});
