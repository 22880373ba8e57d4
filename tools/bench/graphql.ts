import type { graphql as generatedGraphql } from '../gql/gql';
import type { TypedDocumentString } from '../gql/graphql';

/** An operation with its generated result and variable types; at run time only its source text. */
export type Operation<Result, Variables> = TypedDocumentString<Result, Variables>;

/**
 * Marks a GraphQL document for `nx run tools:codegen` and types it through
 * the generated overloads (an operation the committed schema does not allow
 * fails typecheck). Its run-time value is the source string itself, so the
 * benchmark and the soak test run without the generated code (not committed).
 * Documents are self-contained: no fragment spreads.
 */
export const graphql = ((source: string) => source) as unknown as typeof generatedGraphql;
