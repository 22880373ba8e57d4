import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

export default [
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/.data', '**/coverage', '**/*.js', '**/*.cjs', '**/*.mjs', 'apps/admin/src/gql/**', 'apps/cli/src/gql/**', 'tools/gql/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      // Imports point down: api -> persistence -> domain; the console and the
      // CLI reach the API only over GraphQL, and the console may import the
      // pure domain to show a rule's outcome before asking; tools may use the libraries.
      // libs/evidence (hashing, proofs, signatures) stands alone: the API builds
      // evidence with it, the CLI verifies with it without importing the API.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The Galera cluster of tools/galera, for the API's system tests.
          allow: ['@canopy/galera'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:persistence', 'type:domain', 'type:evidence'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain', 'type:evidence'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:evidence', onlyDependOnLibsWithTags: [] },
            // The console checks Merkle proofs with libs/evidence's browser entry (WebCrypto).
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:domain', 'type:evidence'] },
            { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['type:evidence'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:persistence', 'type:domain', 'type:evidence'] },
            { sourceTag: 'scope:web', notDependOnLibsWithTags: ['scope:api'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/__tests__/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain runs in the browser too (the console imports it): no Node module.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: 'libs/domain is pure and runs in the browser: no Node modules.' })),
          patterns: [{ group: ['node:*'], message: 'libs/domain is pure and runs in the browser: no Node modules.' }],
        },
      ],
    },
  },
  {
    // The CLI and the tools import codegen's output for its types only: it is
    // not committed, and `npx canopy` and `npm run bench` run without it.
    files: ['apps/cli/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/gql', '**/gql/*'], allowTypeImports: true, message: 'generated code is not committed: import its types only (import type)' }] },
      ],
    },
  },
  {
    // The console: React's rules of hooks (and the React Compiler's checks).
    files: ['apps/admin/**/*.ts', 'apps/admin/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
];
