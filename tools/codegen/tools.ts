import { typesOnlyCodegen } from './types-only';

/** `nx run tools:codegen`: the benchmark's and the soak test's operations into tools/gql. */
export default typesOnlyCodegen(['tools/bench/**/*.ts', 'tools/soak/**/*.ts'], 'tools/gql/');
