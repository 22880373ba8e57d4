import { GraphQLSchema, Kind, OperationDefinitionNode, parse } from 'graphql';
import { loadConfig } from '../../config';
import { buildCanopySchema } from '../../schema';
import { createOperationAnalyzer } from '../operation-analyzer';
import { analyzeOperation, QueryLimits } from '../query-analysis';

/** The console list's shape: 84 objects per service (query-limits.spec.ts). */
const CONSOLE_LIST = `query ConsoleList($first: Int!) {
  services(first: $first) {
    edges { node { key name team { name } inventory { dataCategory } sharingArrangements { status processor { name } } conflicts(status: OPEN) { id } } }
  }
}`;

const LIMITS: QueryLimits = { ...loadConfig({}).hardening, maxCost: 100 * 84 };

describe('the operation analyzer (analyzeOperation remembered per document and variables)', () => {
  let schema: GraphQLSchema;
  const document = parse(CONSOLE_LIST);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

  beforeAll(async () => {
    schema = await buildCanopySchema();
  });

  it('should answer what analyzeOperation answers, and remember it for the same variables', () => {
    const analyze = createOperationAnalyzer(LIMITS);
    const first = analyze(schema, document, operation, { first: 100 });
    expect(first).toEqual(analyzeOperation(schema, document, operation, { first: 100 }, LIMITS));
    expect(first.violation).toBeNull();
    expect(analyze(schema, document, operation, { first: 100 })).toBe(first);
  });

  it('should measure other variables anew: a page over the cost limit is refused after an admitted one', () => {
    const analyze = createOperationAnalyzer(LIMITS);
    expect(analyze(schema, document, operation, { first: 100 }).violation).toBeNull();
    const over = analyze(schema, document, operation, { first: 101 });
    expect(over.violation).toMatchObject({ limit: 'cost', actual: 101 * 84, max: 100 * 84 });
    expect(analyze(schema, document, operation, { first: 100 }).violation).toBeNull();
  });

  it('should tell documents apart even with the same text and variables', () => {
    const analyze = createOperationAnalyzer(LIMITS);
    const other = parse(CONSOLE_LIST);
    const otherOperation = other.definitions[0] as OperationDefinitionNode;
    const a = analyze(schema, document, operation, { first: 10 });
    const b = analyze(schema, other, otherOperation, { first: 10 });
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it('should measure long variables every time and forget the oldest variables past 64 sets', () => {
    const analyze = createOperationAnalyzer(LIMITS);
    const long = { first: 10, padding: 'x'.repeat(4096) };
    const once = analyze(schema, document, operation, long);
    expect(analyze(schema, document, operation, long)).not.toBe(once);
    expect(analyze(schema, document, operation, long)).toEqual(once);

    const oldest = analyze(schema, document, operation, { first: 1 });
    for (let first = 2; first <= 64; first++) analyze(schema, document, operation, { first });
    expect(analyze(schema, document, operation, { first: 1 })).toBe(oldest);
    analyze(schema, document, operation, { first: 65 });
    const again = analyze(schema, document, operation, { first: 1 });
    expect(again).not.toBe(oldest);
    expect(again).toEqual(oldest);
  });
});
