import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isLeafType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

/** What the query limits measure; every number has an environment variable (config.ts). */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** The size assumed for a list field without a `first` argument. */
  listSize: number;
  maxAliases: number;
}

export interface QueryMeasures {
  depth: number;
  cost: number;
  aliases: number;
  introspection: boolean;
}

/** A refusal names the limit, the environment variable that sets it and the measured value. */
export interface LimitViolation {
  limit: 'depth' | 'cost' | 'aliases' | 'introspection';
  variable: string;
  max: number;
  actual: number;
  message: string;
}

/**
 * Fields that cost far more than the objects they return: their weight is
 * added once per call. verifyAuditLog rereads and rehashes the whole chain; findings and
 * effective policies fold every layer of every service they cover.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  'Query.verifyAuditLog': 5000,
  'Query.findings': 500,
  'Query.recordOfProcessing': 500,
  'Query.effectivePolicy': 20,
  'Service.effectivePolicy': 20,
  'Service.findings': 20,
  // Each hashes or verifies a password with Argon2 (~20 MiB, tens of ms): a handful per request at most.
  'Mutation.changePassword': 5000,
  'Mutation.setPassword': 5000,
};

/** Every mutation is a transaction and an audit event: aliased mutations add up. */
export const MUTATION_WEIGHT = 100;

/** Introspection (the explorer's schema query) is bounded apart: it reads the schema, not the database. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
const MAX_INTROSPECTION_DEPTH = 24;
/** `types > fields > args` is what GraphiQL asks; `fields { type { fields { type { fields ...` multiplies the schema by itself. */
const MAX_INTROSPECTION_LIST_NESTING = 3;

type Fragments = Map<string, FragmentDefinitionNode>;

/** Selections visited by the cost estimate, fragments expanded: a fragment fan-out is refused before it costs more. */
export const MAX_EXPANDED_SELECTIONS = 20_000;

/**
 * Measures one operation of a validated document and returns the first limit
 * it breaks, or null. Depth counts fields nested (fragments expanded; the root
 * field is 1). Cost estimates the objects the answer holds: 1 per object
 * (leaves are free), a list counting its items times their own cost, with
 * `first` items (defaults included) or `listSize` when it takes no `first`; a
 * connection's `edges` are not multiplied again; a few known-expensive fields
 * add their FIELD_WEIGHTS once per call. Introspection is bounded
 * apart and not counted in cost: it reads the schema, not the database.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): { measures: QueryMeasures; violation: LimitViolation | null } {
  const fragments: Fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const shape = walk(operation.selectionSet, fragments);
  const measures: QueryMeasures = { depth: shape.depth, cost: 0, aliases: countAliases(operation, fragments), introspection: shape.introspection };
  if (measures.depth > limits.maxDepth) {
    return { measures, violation: violation('depth', 'CANOPY_MAX_QUERY_DEPTH', limits.maxDepth, measures.depth, `The query nests fields ${measures.depth} deep; the limit is ${limits.maxDepth}.`) };
  }
  if (measures.aliases > limits.maxAliases) {
    return { measures, violation: violation('aliases', 'CANOPY_MAX_ALIASES', limits.maxAliases, measures.aliases, `The query uses ${measures.aliases} aliases; the limit is ${limits.maxAliases}.`) };
  }
  if (shape.introspectionDepth > MAX_INTROSPECTION_DEPTH || shape.introspectionLists > MAX_INTROSPECTION_LIST_NESTING) {
    return {
      measures,
      violation: violation(
        'introspection',
        'none (fixed)',
        MAX_INTROSPECTION_LIST_NESTING,
        shape.introspectionLists,
        `The introspection query nests ${shape.introspectionLists} lists (at most ${MAX_INTROSPECTION_LIST_NESTING}) and ${shape.introspectionDepth} fields (at most ${MAX_INTROSPECTION_DEPTH}).`,
      ),
    };
  }
  try {
    measures.cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [costEstimator(limits.listSize)],
      maxQueryNodes: MAX_EXPANDED_SELECTIONS,
    });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // Variables that do not coerce: execution refuses them with BAD_USER_INPUT before any resolver runs.
    if (!/maximum allowed number of nodes/.test(error.message)) return { measures: { ...measures, cost: NaN }, violation: null };
    measures.cost = Infinity;
    return {
      measures,
      violation: violation('cost', 'CANOPY_MAX_QUERY_COST', limits.maxCost, Infinity, `The query selects more than ${MAX_EXPANDED_SELECTIONS} fields once its fragments are expanded.`),
    };
  }
  if (measures.cost > limits.maxCost) {
    return {
      measures,
      violation: violation(
        'cost',
        'CANOPY_MAX_QUERY_COST',
        limits.maxCost,
        measures.cost,
        `The query's estimated cost is ${measures.cost}; the limit is ${limits.maxCost}. Ask for fewer items (a smaller \`first\`) or fewer nested lists.`,
      ),
    };
  }
  return { measures, violation: null };
}

function violation(limit: LimitViolation['limit'], variable: string, max: number, actual: number, message: string): LimitViolation {
  return { limit, variable, max, actual, message };
}

function costEstimator(listSize: number) {
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const extra = FIELD_WEIGHTS[`${type.name}.${field.name}`] ?? (type.name === 'Mutation' ? MUTATION_WEIGHT : 0);
    if (isLeafType(getNamedType(field.type))) return extra;
    return extra + multiplier(type, field, args, listSize) * (1 + childComplexity);
  };
}

function multiplier(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, listSize: number): number {
  const first = args.first ?? args.last ?? args.limit;
  if (typeof first === 'number' && Number.isFinite(first)) return Math.max(0, first);
  const list = isListType(getNullableType(field.type));
  if (!list) return 1;
  // `services(first: 100) { edges { ... } }`: the 100 already multiplied the connection.
  if (parent.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
  return listSize;
}

interface Shape {
  /** Regular fields nested below this selection set. */
  depth: number;
  introspection: boolean;
  /** Fields nested inside introspection, and list fields among them. */
  introspectionDepth: number;
  introspectionLists: number;
}

const EMPTY: Shape = { depth: 0, introspection: false, introspectionDepth: 0, introspectionLists: 0 };

function merge(a: Shape, b: Shape): Shape {
  return {
    depth: Math.max(a.depth, b.depth),
    introspection: a.introspection || b.introspection,
    introspectionDepth: Math.max(a.introspectionDepth, b.introspectionDepth),
    introspectionLists: Math.max(a.introspectionLists, b.introspectionLists),
  };
}

/**
 * Depth of the regular fields, and of introspection subtrees apart, with
 * fragments expanded. Each fragment is measured once (a fragment spread twice
 * at every level would otherwise cost 2^levels), and a fragment cycle, which
 * validation refuses anyway, ends the walk instead of looping.
 */
function walk(root: SelectionSetNode, fragments: Fragments): Shape {
  const memo = new Map<string, Shape>();
  const measureSet = (set: SelectionSetNode, inIntrospection: boolean, active: Set<string>): Shape => {
    let shape = EMPTY;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        shape = merge(shape, measureField(selection, inIntrospection, active));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        shape = merge(shape, measureSet(selection.selectionSet, inIntrospection, active));
      } else {
        const name = selection.name.value;
        const key = `${inIntrospection ? 'i' : 'r'}:${name}`;
        const fragment = fragments.get(name);
        if (!fragment || active.has(name)) continue;
        if (!memo.has(key)) {
          active.add(name);
          memo.set(key, measureSet(fragment.selectionSet, inIntrospection, active));
          active.delete(name);
        }
        shape = merge(shape, memo.get(key)!);
      }
    }
    return shape;
  };
  const measureField = (field: FieldNode, inIntrospection: boolean, active: Set<string>): Shape => {
    const name = field.name.value;
    if (inIntrospection || INTROSPECTION_ROOTS.has(name)) {
      const below = field.selectionSet ? measureSet(field.selectionSet, true, active) : EMPTY;
      const list = INTROSPECTION_LISTS.has(name) && field.selectionSet ? 1 : 0;
      return {
        depth: 0,
        introspection: true,
        introspectionDepth: below.introspectionDepth + 1,
        introspectionLists: below.introspectionLists + list,
      };
    }
    if (name === '__typename') return EMPTY;
    const below = field.selectionSet ? measureSet(field.selectionSet, false, active) : EMPTY;
    return { ...below, depth: below.depth + 1 };
  };
  return measureSet(root, false, new Set());
}

/** The list-valued fields of the introspection types. */
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

/** Aliased fields in the operation and in every fragment it uses (each fragment counted once). */
function countAliases(operation: OperationDefinitionNode, fragments: Fragments): number {
  let count = 0;
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias && selection.alias.value !== selection.name.value) count++;
        if (selection.selectionSet) visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return count;
}
