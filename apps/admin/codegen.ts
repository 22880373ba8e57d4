import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the console, generated from the committed schema
 * (never a live server) by `nx run admin:codegen` into src/gql (not committed).
 * Operations and fragments live next to the components that use them, written
 * with `graphql()` from src/gql.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/admin/src/**/*.{ts,tsx}', '!apps/admin/src/gql/**/*', '!apps/admin/src/**/*.spec.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'apps/admin/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
