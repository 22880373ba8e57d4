import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DefinitionNode, DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, visit } from 'graphql';

export const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..', '..');

export interface ClientOperation {
  /** Where it comes from, e.g. apps/admin/src/features/audit/AuditPage.tsx#AuditPage */
  origin: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'gql' || name === 'node_modules' ? [] : filesUnder(full, accept);
    return accept(full) ? [full] : [];
  });
}

/** Every `graphql(\`...\`)` document of the console (codegen's client preset), with its fragments. */
export function consoleOperations(): ClientOperation[] {
  const files = filesUnder(path.join(WORKSPACE, 'apps/admin/src'), (f) => /\.(ts|tsx)$/.test(f) && !/\.spec\.tsx?$/.test(f));
  const definitions: { file: string; definition: DefinitionNode }[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/graphql\(\s*`([\s\S]*?)`\s*\)/g)) {
      for (const definition of parse(match[1]).definitions) definitions.push({ file, definition });
    }
  }
  return withFragments(definitions);
}

/** The CLI's operations: every exported string that is a GraphQL operation, and the documents its builders make. */
export function cliOperations(builders: Record<string, (...args: number[]) => string>): ClientOperation[] {
  const file = path.join(WORKSPACE, 'apps/cli/src/client/operations.ts');
  // Loaded at test time (not imported) so the API project takes no dependency on the CLI's code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const operations = require(file) as Record<string, unknown>;
  const definitions: { file: string; definition: DefinitionNode }[] = [];
  for (const [name, value] of Object.entries(operations)) {
    if (typeof value !== 'string' || !/^\s*(query|mutation)\b/.test(value)) continue;
    for (const definition of parse(value).definitions) definitions.push({ file: `${file}#${name}`, definition });
  }
  for (const [name, build] of Object.entries(builders)) {
    for (const definition of parse(build()).definitions) definitions.push({ file: `${file}#${name}`, definition });
  }
  return withFragments(definitions);
}

function withFragments(definitions: { file: string; definition: DefinitionNode }[]): ClientOperation[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { definition } of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return definitions
    .filter((d): d is { file: string; definition: OperationDefinitionNode } => d.definition.kind === Kind.OPERATION_DEFINITION)
    .map(({ file, definition }) => {
      const used = new Map<string, FragmentDefinitionNode>();
      const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value);
            if (fragment && !used.has(fragment.name.value)) {
              used.set(fragment.name.value, fragment);
              collect(fragment);
            }
          },
        });
      collect(definition);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [definition, ...used.values()] };
      return { origin: `${path.relative(WORKSPACE, file)}#${definition.name?.value ?? 'anonymous'}`, document, operation: definition };
    });
}
