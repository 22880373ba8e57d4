import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Codegen for a Node consumer of the API (the CLI, the benchmark and soak
 * test): types for its operations, generated from the committed schema
 * (never a live server) into `output` (not committed). The operations are
 * written with a `graphql()` whose run-time value is the source string (see
 * apps/cli/src/client/graphql.ts), so the generated code is imported for its
 * types only and nothing needs it to run.
 */
export function typesOnlyCodegen(documents: string[], output: string): CodegenConfig {
  return {
    schema: 'apps/api/schema.graphql',
    documents,
    ignoreNoDocuments: true,
    generates: {
      [output]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          documentMode: 'string',
          scalars: { DateTime: 'string', JSON: 'unknown' },
          enumsAsTypes: true,
          useTypeImports: true,
          skipTypename: true,
          avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        },
      },
    },
  };
}
