/**
 * Import rules checked by `npm run lint` (each project's lint target runs
 * dependency-cruiser over its sources with this file). Type-only imports
 * count: a reader follows them too. Run one by hand with
 * `npx depcruise apps/api/src -c .dependency-cruiser.cjs`.
 *
 * The API's feature folders (apps/api/src/modules/<feature>/) depend on each
 * other one way, and only through a feature's index.ts: that file is the
 * feature's face, the list of what other features may use (GraphQL types
 * they embed, loaders, ports). The wiring root (apps/api/src/*.ts:
 * application.ts, loaders.ts, context.ts, schema.ts, server.ts) may reach
 * into any feature; no feature imports it. common/ imports nothing of the
 * app. tools/dependency-rules proves on fixtures that these rules fail.
 */
const path = require('node:path');

const FEATURE = '^apps/api/src/modules/';
/** Test files: they may use the test server and shared fixtures, wherever they sit. */
const TESTS = '(/__tests__/|\\.(integration-|system-)?spec\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circle anywhere, type-only imports included: break it with a port or by moving the shared piece down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-feature-circle',
      severity: 'error',
      scope: 'folder',
      comment: 'API feature folders depend on each other one way: move what two features share to common/, or invert the dependency with a port.',
      from: { path: FEATURE },
      to: { path: FEATURE, circular: true },
    },
    {
      name: 'feature-through-its-index',
      severity: 'error',
      comment: "A feature reaches another only through its index.ts (its face); add what you need there, or keep it inside the feature.",
      // Tests may share fixtures across features (until they move to the shared test world).
      from: { path: `${FEATURE}([^/]+)/`, pathNot: TESTS },
      to: { path: `${FEATURE}[^/]+/.`, pathNot: [`${FEATURE}$1/`, `${FEATURE}[^/]+/index\\.ts$`] },
    },
    {
      name: 'feature-not-wiring-root',
      severity: 'error',
      comment: 'Features never import the wiring root (application.ts, loaders.ts, context.ts, schema.ts, server.ts): type the request with the feature\'s own *.context.ts.',
      from: { path: FEATURE, pathNot: TESTS },
      to: { path: '^apps/api/src/[^/]+\\.ts$' },
    },
    {
      name: 'common-is-a-leaf',
      severity: 'error',
      comment: 'apps/api/src/common holds what every part of the API shares: it imports nothing else of the app.',
      from: { path: '^apps/api/src/common/', pathNot: TESTS },
      to: { path: '^apps/api/src/', pathNot: '^apps/api/src/common/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.base.json') },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|tmp|coverage)/|^apps/admin/src/gql/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
