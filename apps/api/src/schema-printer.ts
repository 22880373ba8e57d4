import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export const printCanopySchema = (schema: GraphQLSchema): string =>
  `# Generated from the resolvers by \`npm run schema\`: do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
