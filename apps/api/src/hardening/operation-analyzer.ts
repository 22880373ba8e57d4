import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { analyzeOperation, QueryLimits } from './query-analysis';

type Analysis = ReturnType<typeof analyzeOperation>;

/** Distinct variable sets remembered per document; the oldest is forgotten past this. */
const VARIABLE_SETS_PER_DOCUMENT = 64;
/** Variables longer than this as JSON (a mutation's input, say) are measured every time. */
const MAX_KEY_LENGTH = 2048;

/**
 * analyzeOperation remembered per parsed document and variables. Apollo keeps
 * one parsed document per query text, and a client asks the same few
 * operations with the same few variables (the console's list page, a service
 * page per key), so the measure of a request is mostly one already made. The
 * limits are fixed for the analyzer's life, and so is the schema (the server
 * has one).
 */
export function createOperationAnalyzer(limits: QueryLimits) {
  const byDocument = new WeakMap<DocumentNode, Map<string, Analysis>>();
  return (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Analysis => {
    const key = `${operation.name?.value ?? ''}\n${JSON.stringify(variables)}`;
    if (key.length > MAX_KEY_LENGTH) return analyzeOperation(schema, document, operation, variables, limits);
    let known = byDocument.get(document);
    if (!known) byDocument.set(document, (known = new Map()));
    const remembered = known.get(key);
    if (remembered) return remembered;
    const analysis = analyzeOperation(schema, document, operation, variables, limits);
    if (known.size >= VARIABLE_SETS_PER_DOCUMENT) known.delete(known.keys().next().value as string);
    known.set(key, analysis);
    return analysis;
  };
}
