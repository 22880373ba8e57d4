import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import * as documents from '../gql/graphql';
import { KEY_FIELDS } from './apollo-client';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../../api/schema.graphql'), 'utf8'));

const isDocument = (value: unknown): value is DocumentNode => typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

/** The field names a selection set asks for, its fragment spreads and inline fragments included. */
function selectedFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Set<string> {
  const names = new Set<string>();
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedFields(selection.selectionSet, fragments).forEach((n) => names.add(n));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) selectedFields(fragment.selectionSet, fragments).forEach((n) => names.add(n));
    }
  }
  return names;
}

describe('the Apollo cache keys', () => {
  it("should find the key field in every selection of a type the cache identifies by it (or writing a result fails)", () => {
    const missing: string[] = [];
    for (const [name, document] of Object.entries(documents)) {
      if (!isDocument(document)) continue;
      const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      const typeInfo = new TypeInfo(schema);
      visit(
        document,
        visitWithTypeInfo(typeInfo, {
          Field(node) {
            const type = getNamedType(typeInfo.getType());
            const key = type && KEY_FIELDS[type.name];
            if (key && node.selectionSet && !selectedFields(node.selectionSet, fragments).has(key)) missing.push(`${name}: ${node.name.value} (${type.name}) lacks ${key}`);
          },
        }),
      );
    }
    expect(missing).toEqual([]);
  });
});
