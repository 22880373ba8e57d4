import 'reflect-metadata';
import pino from 'pino';
import { assertTablesHoldUtf8mb4, openDataSource } from '@canopy/persistence';
import { Database } from './common/database';
import { catchUpAuditTree } from './modules/audit';
import { Config, ConfigError, loadConfig } from './config';
import { createDelivery } from './delivery';
import { createCanopyServer } from './server';

/**
 * The release step: migrations, then the audit tree's catch-up where its
 * stored subtrees are behind the log (an upgrade from before them, or a
 * bulk-loaded database), so the serving processes do not pay for it.
 */
async function migrateOnly(databaseUrl: string) {
  const dataSource = await openDataSource(databaseUrl);
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  await assertTablesHoldUtf8mb4(dataSource);
  console.log(ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'database is up to date');
  const caughtUp = await catchUpAuditTree(new Database(dataSource));
  if (caughtUp) console.log(`stored the audit tree's subtrees of ${caughtUp} events`);
  await dataSource.destroy();
}

/** `main.js dispatch`: the outbox dispatcher alone, for API processes started with CANOPY_DISPATCHER=false. */
async function dispatchOnly(config: Config, log: pino.Logger): Promise<{ close(): Promise<void> }> {
  const dataSource = await openDataSource(config.databaseUrl);
  await dataSource.runMigrations({ transaction: 'each' });
  await assertTablesHoldUtf8mb4(dataSource);
  const delivery = createDelivery(new Database(dataSource, undefined, { log }), config.notifications, log);
  delivery.dispatcher.start();
  log.info({ owner: delivery.dispatcher.owner, kinds: delivery.dispatcher.kinds }, 'Canopy dispatcher running');
  return {
    close: async () => {
      await delivery.stop();
      await dataSource.destroy();
    },
  };
}

async function serve(config: Config, log: pino.Logger): Promise<{ close(): Promise<void> }> {
  const server = await createCanopyServer(config, log);
  const url = await server.listen();
  log.info({ url: `${url}/graphql` }, 'Canopy API ready');
  console.log(`\nCanopy is running: ${url}/graphql (health: ${url}/healthz, readiness: ${url}/readyz)`);
  if (server.demoLogins.length) {
    console.log('\nDemo mode: sign in with any of these (POST /auth/login, or the console):');
    for (const login of server.demoLogins) console.log(`  ${login.email.padEnd(26)} ${login.password}   ${login.roles.join(', ')}`);
  }
  return server;
}

async function main() {
  const config = loadConfig();
  if (process.argv[2] === 'migrate') return migrateOnly(config.databaseUrl);
  const log = pino({ level: config.logLevel });
  const server = process.argv[2] === 'dispatch' ? await dispatchOnly(config, log) : await serve(config, log);

  // A promise nobody awaited (a best-effort write, a driver callback) is logged, never fatal: the next request retries.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

  /**
   * Graceful shutdown: stop accepting connections and claiming outbound
   * messages, let requests and sends in flight finish (requests up to
   * CANOPY_SHUTDOWN_GRACE_MS, then cut them off), close the database pool,
   * exit 0. A second signal exits at once with 1.
   */
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing requests in flight');
    const deadline = setTimeout(() => {
      log.error('shutdown did not finish in time');
      process.exit(1);
    }, config.shutdownGraceMs + 15_000);
    deadline.unref();
    try {
      await server.close();
      log.info('shut down cleanly');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Canopy failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
