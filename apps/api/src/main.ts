import 'reflect-metadata';
import pino from 'pino';
import { openDataSource } from '@canopy/persistence';
import { ConfigError, loadConfig } from './config';
import { createCanopyServer } from './server';

async function migrateOnly(databaseUrl: string) {
  const dataSource = await openDataSource(databaseUrl);
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  console.log(ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'database is up to date');
  await dataSource.destroy();
}

async function main() {
  const config = loadConfig();
  if (process.argv[2] === 'migrate') return migrateOnly(config.databaseUrl);
  const log = pino({ level: config.logLevel });
  const server = await createCanopyServer(config, log);
  const url = await server.listen();
  log.info({ url: `${url}/graphql` }, 'Canopy API ready');
  console.log(`\nCanopy is running: ${url}/graphql (health: ${url}/healthz, readiness: ${url}/readyz)`);
  if (server.demoLogins.length) {
    console.log('\nDemo mode: sign in with any of these (POST /auth/login, or the console):');
    for (const login of server.demoLogins) console.log(`  ${login.email.padEnd(26)} ${login.password}   ${login.roles.join(', ')}`);
  }
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Canopy failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
