import {
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';

/** The largest page a connection serves (common/pagination.ts). */
export const MAX_PAGE = 200;

/**
 * Worst-case variables for measuring a client operation: every page size at
 * its maximum, every other variable a plausible value of its type.
 */
export function worstCaseVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) continue;
    variables[definition.variable.name.value] = sample(type, definition.variable.name.value);
  }
  return variables;
}

function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [sample(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, f.name)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return /^(first|last|limit)$/i.test(name) ? MAX_PAGE : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2026-11-29T10:00:00.000Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  }
  return null;
}
