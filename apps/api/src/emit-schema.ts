import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printCanopySchema } from './schema-printer';
import { buildCanopySchema } from './schema';

/** Writes apps/api/schema.graphql, the committed schema the console's codegen and the contract check read. */
async function main() {
  const path = join(__dirname, '..', 'schema.graphql');
  writeFileSync(path, printCanopySchema(await buildCanopySchema()));
  console.log(`wrote ${path}`);
}

void main();
