import { typesOnlyCodegen } from './types-only';

/** `nx run cli:codegen`: the CLI's operations (apps/cli/src/client/operations.ts) into apps/cli/src/gql. */
export default typesOnlyCodegen(
  ['apps/cli/src/**/*.ts', '!apps/cli/src/gql/**/*', '!apps/cli/src/**/*.spec.ts', '!apps/cli/src/**/*.integration-spec.ts', '!apps/cli/src/testing/**/*'],
  'apps/cli/src/gql/',
);
