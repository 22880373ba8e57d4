import type { graphql as generatedGraphql } from '../gql/gql';
import type { TypedDocumentString } from '../gql/graphql';

/**
 * An operation with its result and variable types, as codegen generates
 * them from apps/api/schema.graphql. At run time it is only the source text.
 */
export type Operation<Result, Variables> = TypedDocumentString<Result, Variables>;

/**
 * Marks a GraphQL document for codegen and types it. `nx run cli:codegen`
 * reads every graphql(`...`) literal here, validates it against the
 * committed schema and writes src/gql (not committed), whose overloads give
 * each literal its generated result and variable types; an operation the
 * schema does not allow fails typecheck.
 *
 * At run time the document is the source string itself (the generated
 * TypedDocumentString is a String holding the same text): the CLI imports the
 * generated code for its types only, so `npx canopy` right after `npm ci`
 * and the standalone bundle run without it. Documents are self-contained
 * (no fragment spreads), so the source is exactly what the server receives.
 */
export const graphql = ((source: string) => source) as unknown as typeof generatedGraphql;

/**
 * A document assembled at run time from typed parts (apply's aliased
 * CurrentState query): its result type is the caller's composition of the
 * generated fragment types.
 */
export const assembled = <Result, Variables>(source: string) => source as unknown as Operation<Result, Variables>;
