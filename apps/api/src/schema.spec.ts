import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { printCanopySchema } from './schema-printer';
import { buildCanopySchema } from './schema';

describe('the GraphQL schema', () => {
  it('should match the committed apps/api/schema.graphql (run `npm run schema` after changing resolvers)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printCanopySchema(await buildCanopySchema())).toBe(committed);
  });

  it('should guard every query and mutation with @Authorized', async () => {
    const schema = await buildCanopySchema();
    const storage = getMetadataStorage();
    const guarded = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
    const handlers = [...storage.queries, ...storage.mutations];
    const rootFields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    expect(rootFields.length).toBeGreaterThan(10);
    const unguarded = rootFields.filter((field) => {
      const handler = handlers.find((h) => h.schemaName === field);
      return !handler || !guarded.has(`${handler.target.name}.${handler.methodName}`);
    });
    expect(unguarded).toEqual([]);
  });
});
