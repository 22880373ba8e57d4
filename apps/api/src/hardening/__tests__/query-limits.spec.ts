import { DocumentNode, getIntrospectionQuery, GraphQLSchema, Kind, Lexer, OperationDefinitionNode, parse, Source, TokenKind, validate } from 'graphql';
import path from 'node:path';
import { loadConfig } from '../../config';
import { buildCanopySchema } from '../../schema';
import { analyzeOperation, QueryLimits } from '../query-analysis';
import { type ClientOperation, cliOperations, consoleOperations, WORKSPACE } from './client-documents';
import { MAX_PAGE, worstCaseVariables } from './sample-variables';

/** The benchmark's console list: 100 services with their team, inventory, arrangements and open conflicts. */
export const CONSOLE_LIST = `query ConsoleList($first: Int!) {
  services(first: $first) {
    edges { node { key name team { name } inventory { dataCategory } sharingArrangements { status processor { name } } conflicts(status: OPEN) { id } } }
  }
}`;

const DEFAULTS: QueryLimits = loadConfig({}).hardening;

function operationOf(document: DocumentNode): OperationDefinitionNode {
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
}

function tokens(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

describe('query limits', () => {
  let schema: GraphQLSchema;
  const measure = (query: string, variables: Record<string, unknown> = {}, limits = DEFAULTS) => {
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    return analyzeOperation(schema, document, operationOf(document), variables, limits);
  };

  beforeAll(async () => {
    schema = await buildCanopySchema();
  });

  describe('what they admit', () => {
    it.each([100, MAX_PAGE])("should admit the benchmark's console list at first: %i", (first) => {
      const { measures, violation } = measure(CONSOLE_LIST, { first });
      expect(violation).toBeNull();
      expect(measures.depth).toBe(6);
      // 100 services x (connection + edge + node + team + 20 items + 20 arrangements x 2 + 20 conflicts)
      expect(measures.cost).toBe(first * 84);
    });

    /** Why `op` would be refused with every page at its maximum (nothing when it is admitted). */
    const refusalsAtWorstCase = (op: ClientOperation): string[] => {
      const invalid = validate(schema, op.document);
      if (invalid.length) return [`${op.origin}: not valid against the schema: ${invalid[0].message}`];
      const { measures, violation } = analyzeOperation(schema, op.document, op.operation, worstCaseVariables(schema, op.operation), DEFAULTS);
      if (!Number.isFinite(measures.cost)) return [`${op.origin}: could not be costed`];
      return violation ? [`${op.origin}: ${violation.message}`] : [];
    };

    it('should admit every console operation with every page at its maximum', () => {
      const operations = consoleOperations();
      expect(operations.length).toBeGreaterThan(20);
      const refused = operations.flatMap(refusalsAtWorstCase);
      expect(refused).toEqual([]);
    });

    it("should admit every CLI operation, and `apply`'s state read for 40 services and 20 processors", () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cli = require(path.join(WORKSPACE, 'apps/cli/src/client/operations.ts')) as { currentStateQuery(services: number, processors: number): string };
      const operations = cliOperations({ currentStateQuery: () => cli.currentStateQuery(40, 20) });
      expect(operations.length).toBeGreaterThan(10);
      const refused = operations.flatMap(refusalsAtWorstCase);
      expect(refused).toEqual([]);
      expect(tokens(cli.currentStateQuery(40, 20))).toBeLessThan(loadConfig({}).hardening.maxTokens);
    });

    it("should admit the explorer's introspection query (GraphiQL's options), without counting it as cost", () => {
      const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true, oneOf: true });
      const { measures, violation } = measure(query);
      expect(violation).toBeNull();
      expect(measures).toMatchObject({ introspection: true, cost: 0 });
      expect(tokens(query)).toBeLessThan(loadConfig({}).hardening.maxTokens);
    });

    it('should not count __typename, which Apollo Client adds everywhere', () => {
      expect(measure('{ __typename viewer { __typename email teams { __typename key } } }').measures).toMatchObject({ depth: 3, introspection: false });
    });

    it('should measure a fragment spread many times only once', () => {
      const levels = Array.from({ length: 24 }, (_, i) => `fragment F${i} on Team { key services { key team { ...F${i + 1} ...F${i + 1} } } }`);
      const document = parse(`{ teams { ...F0 } } ${levels.join(' ')} fragment F24 on Team { key }`);
      const started = Date.now();
      const { violation } = analyzeOperation(schema, document, operationOf(document), {}, DEFAULTS);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(violation?.limit).toBe('depth');
    });
  });

  describe('what they refuse', () => {
    it('should refuse a query nested deeper than CANOPY_MAX_QUERY_DEPTH', () => {
      let selection = 'team { key }';
      for (let i = 0; i < 5; i++) selection = `team { services { ${selection} } }`;
      const { violation } = measure(`{ service(key: "maps") { ${selection} } }`);
      expect(violation).toMatchObject({ limit: 'depth', variable: 'CANOPY_MAX_QUERY_DEPTH', max: 12, actual: 13 });
      expect(violation?.message).toMatch(/nests fields 13 deep; the limit is 12/);
    });

    it('should follow fragments when measuring depth', () => {
      const fragments = Array.from({ length: 7 }, (_, i) => `fragment D${i} on Service { team { services { ...D${i + 1} } } }`).join(' ');
      const { violation } = measure(`{ service(key: "maps") { ...D0 } } ${fragments} fragment D7 on Service { key }`);
      expect(violation?.limit).toBe('depth');
    });

    it('should refuse lists nested inside a large page by their estimated cost', () => {
      const { violation } = measure(`{ services(first: 200) { edges { node { team { services { inventory { dataCategory } } } } } } }`);
      expect(violation).toMatchObject({ limit: 'cost', variable: 'CANOPY_MAX_QUERY_COST', max: 50_000 });
      expect(violation!.actual).toBeGreaterThan(50_000);
      expect(violation?.message).toMatch(/estimated cost is \d+; the limit is 50000/);
    });

    it('should multiply by `first` given in a variable, and refuse an absurd page before the resolver sees it', () => {
      expect(measure(CONSOLE_LIST, { first: 1_000_000 }).violation?.limit).toBe('cost');
      expect(measure('{ auditEvents(first: 100000000) { edges { node { seq actor { email teams { key } } } } } }').violation?.limit).toBe('cost');
    });

    it('should refuse many aliases of an expensive field by cost before the alias limit', () => {
      const aliases = Array.from({ length: 11 }, (_, i) => `v${i}: verifyAuditLog { ok }`).join(' ');
      expect(measure(`{ ${aliases} }`).violation).toMatchObject({ limit: 'cost' });
    });

    it('should refuse more aliases than CANOPY_MAX_ALIASES', () => {
      const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: viewer { email }`).join(' ');
      expect(measure(`{ ${aliases} }`).violation).toMatchObject({ limit: 'aliases', variable: 'CANOPY_MAX_ALIASES', max: 100, actual: 101 });
    });

    it('should refuse password guessing through aliased mutations', () => {
      const guesses = Array.from({ length: 11 }, (_, i) => `g${i}: changePassword(currentPassword: "guess-${i}", newPassword: "a-new-password-1")`).join(' ');
      expect(measure(`mutation { ${guesses} }`).violation).toMatchObject({ limit: 'cost' });
    });

    it('should refuse a fragment fan-out that expands to too many selections', () => {
      const levels = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
      const document = parse(`{ ...F0 } ${levels.join(' ')} fragment F16 on Query { viewer { email } }`);
      const { violation } = analyzeOperation(schema, document, operationOf(document), {}, DEFAULTS);
      expect(violation).toMatchObject({ limit: 'cost' });
      expect(violation?.message).toMatch(/more than 20000 fields once its fragments are expanded/);
    });

    it('should refuse introspection that multiplies the schema by itself (graphql-js validation refuses it too)', () => {
      const document = parse('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
      expect(validate(schema, document).map((e) => e.message)).toEqual(['Maximum introspection depth exceeded']);
      const { violation } = analyzeOperation(schema, document, operationOf(document), {}, DEFAULTS);
      expect(violation).toMatchObject({ limit: 'introspection' });
    });

    it('should apply lower limits from the configuration', () => {
      expect(measure(CONSOLE_LIST, { first: 10 }, { ...DEFAULTS, maxDepth: 5 }).violation?.limit).toBe('depth');
      expect(measure('{ services(first: 50) { totalCount edges { node { key } } } }', {}, { ...DEFAULTS, maxCost: 100 }).violation?.limit).toBe('cost');
      expect(measure('{ services(first: 5) { edges { node { inventory { dataCategory } } } } }', {}, { ...DEFAULTS, listSize: 100, maxCost: 500 }).violation?.limit).toBe('cost');
      expect(measure('{ a: viewer { email } b: viewer { name } }', {}, { ...DEFAULTS, maxAliases: 1 }).violation?.limit).toBe('aliases');
    });
  });
});
