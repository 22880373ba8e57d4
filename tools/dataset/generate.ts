/**
 * Generates a realistic organisation into a database:
 *   npm run dataset -- [--services 5000] [--seed canopy] [--anchor ISO] [--url DATABASE_URL] [--json out.json]
 * Without --url it makes a fresh database (MySQL at TEST_MYSQL_URL, default
 * mysql://root@127.0.0.1:3306, or `--db sqlite`) and prints its URL. The
 * database is migrated first; the rows go in a chunk of services at a time,
 * with bounded memory (see libs/persistence/src/testing/dataset). --json
 * writes the logins (tokens) and the first 1,000 service keys with and
 * without a service policy for scripts. Benchmarks and tests only: the tokens are
 * deterministic from the seed.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTestDatabase, generateDataset, openDataSource } from '@canopy/persistence';

async function main() {
  const { values } = parseArgs({
    options: {
      services: { type: 'string', default: '5000' },
      seed: { type: 'string', default: 'canopy' },
      anchor: { type: 'string' },
      url: { type: 'string' },
      db: { type: 'string', default: 'mysql' },
      json: { type: 'string' },
    },
  });
  let url = values.url;
  if (!url) {
    const dialect = values.db === 'sqlite' ? 'sqlite' : 'mysql';
    if (dialect === 'mysql') process.env.TEST_MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test';
    url = (await createTestDatabase(dialect)).url;
  }
  console.log(`writing the dataset to ${url}`);
  const started = performance.now();
  const dataSource = await openDataSource(url);
  await dataSource.runMigrations({ transaction: 'each' });
  const migrated = performance.now();
  const result = await generateDataset(dataSource, {
    services: Number(values.services),
    seed: values.seed,
    anchor: values.anchor ? new Date(values.anchor) : undefined,
  });
  await dataSource.destroy();
  const total = (performance.now() - started) / 1000;
  console.log(`dataset written to ${url}`);
  console.log(`  migrate ${((migrated - started) / 1000).toFixed(1)} s, build ${(result.buildMs / 1000).toFixed(1)} s, write ${(result.writeMs / 1000).toFixed(1)} s, total ${total.toFixed(1)} s`);
  console.log(`  ${Object.entries(result.counts).map(([table, n]) => `${table} ${n}`).join(', ')}`);
  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ url, ...result }, null, 2));
    console.log(`  logins and keys: ${values.json}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
