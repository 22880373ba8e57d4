/**
 * Times a global publish over N services that each carry a published service
 * policy: `npm run bench:publish -- --services 2000 [--db mysql]`.
 * Builds a fresh database, starts the built API as a child, reports the time
 * and SQL statements of publishing global v1 (conflicts opened for every
 * service) and v2 (every pair superseded and recompared).
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { bulkInsertServicesWithPolicies, createTestDatabase, openDataSource, TeamEntity } from '@canopy/persistence';
import { BENCH_TOKEN, gql, startApi } from './api-process';
import type { Operation } from './graphql';
import { CREATE_API_TOKEN, CREATE_GLOBAL_POLICY, CREATE_USER, DRAFT_POLICY_VERSION, PUBLISH_POLICY_VERSION } from './operations';

async function main() {
  const { values } = parseArgs({ options: { services: { type: 'string', default: '2000' }, db: { type: 'string', default: 'sqlite' } } });
  const count = Number(values.services);
  const dialect = values.db === 'mysql' ? 'mysql' : 'sqlite';
  if (dialect === 'mysql') process.env.TEST_MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test';
  const database = await createTestDatabase(dialect);
  const dataSource = await openDataSource(database.url);
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.manager.insert(TeamEntity, { id: randomUUID(), key: 'bench', name: 'Bench', createdAt: new Date() });
  await bulkInsertServicesWithPolicies(dataSource, {
    teamKey: 'bench',
    count,
    clauses: [
      { topic: 'SHARING', subject: 'device.log:third_party', value: 'ALLOWED' },
      { topic: 'RETENTION', subject: 'device.log', value: '30' },
    ],
  });
  await dataSource.destroy();

  const api = await startApi(database.url);
  try {
    const admin = <R, V>(document: Operation<R, V>, variables: V) => gql(api.url, BENCH_TOKEN, document, variables);
    await admin(CREATE_USER, { email: 'dpo@canopy.test', name: 'DPO', roles: ['PRIVACY_OFFICER'] });
    const token = (await admin(CREATE_API_TOKEN, { name: 'bench', userEmail: 'dpo@canopy.test' })).body.data!.createApiToken.token;
    const officer = <R, V>(document: Operation<R, V>, variables: V) => gql(api.url, token, document, variables);
    await officer(CREATE_GLOBAL_POLICY, { key: 'general', title: 'General' });
    const rows: string[] = [];
    for (const [number, retention] of [[1, '90'], [2, '60']] as const) {
      const clauses = [
        { topic: 'SHARING' as const, subject: '*:third_party', value: 'CONSENT' },
        { topic: 'RETENTION' as const, subject: 'device.log', value: retention },
      ];
      await officer(DRAFT_POLICY_VERSION, { policyKey: 'general', clauses });
      const published = await officer(PUBLISH_POLICY_VERSION, { policyKey: 'general', number, at: new Date().toISOString() });
      if (published.body.errors) throw new Error(JSON.stringify(published.body.errors));
      rows.push(`| global v${number} over ${count} services | ${dialect} | ${published.ms.toFixed(0)} ms | ${published.statements} |`);
    }
    console.log(['| publish | database | time | SQL statements |', '|---|---|---|---|', ...rows].join('\n'));
  } finally {
    await api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
