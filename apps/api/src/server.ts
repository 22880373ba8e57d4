import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import cookieParser from 'cookie-parser';
import pino, { Logger } from 'pino';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { assertTablesHoldUtf8mb4, openDataSource, QueryCountingLogger, QueryTally } from '@canopy/persistence';
import { createApplication, Application } from './application';
import { authRoutes } from './auth/auth.routes';
import { publicRoutes } from './modules/public-pages';
import { AUDIT_KEY_PATH, auditKeyRoute, EVIDENCE_BUNDLE_PATH, evidenceBundleRoute } from './modules/evidence';
import { bootstrapAdmin } from './modules/identity/bootstrap-admin';
import type { Clock } from './common/clock';
import { Database } from './common/database';
import { createErrorFormatter, isConnectionError } from './common/format-error';
import { currentRequestTally, runWithTally, tagErrorsWithRequestId } from './common/request-scope';
import { serveConsole } from './console/serve-console';
import type { Config } from './config';
import type { AppContext } from './context';
import { seedDemoData, DemoLogin } from './demo/demo-data';
import { createHardening, credentialsOf } from './hardening';
import { createLoaders } from './loaders';
import { createNaiveLoaders } from './loaders-naive';
import { buildCanopySchema } from './schema';
import { CommitSignal } from './modules/outbox/commit-signal';
import { createDelivery, Delivery } from './delivery';

export const SQL_COUNT_HEADER = 'x-canopy-sql-statements';

export interface CanopyServer {
  app: express.Express;
  http: http.Server;
  db: Database;
  application: Application;
  queryLogger: QueryCountingLogger;
  demoLogins: DemoLogin[];
  /** The outbox dispatcher of this process; null when CANOPY_DISPATCHER=false. */
  delivery: Delivery | null;
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

export interface CanopyServerOptions {
  /** Where the API reads the time (default: the system clock); tests pass their own to drive time without sleeping. */
  clock?: Clock;
}

/** Builds the whole server (database migrated, schema built) without listening, so tests pick the port. */
export async function createCanopyServer(config: Config, log: Logger = pino({ level: config.logLevel }), options: CanopyServerOptions = {}): Promise<CanopyServer> {
  const queryLogger = new QueryCountingLogger((message) => log.debug(message), currentRequestTally);
  const dataSource = await openDataSource(config.databaseUrl, { logger: queryLogger });
  await dataSource.runMigrations({ transaction: 'each' });
  await assertTablesHoldUtf8mb4(dataSource);
  const db = new Database(dataSource, options.clock, { log });
  const application = createApplication(db, config.notifications, { maxListResults: config.maxListResults, heapCeiling: config.hardening.heapCeiling }, config.signingKey);
  // The signing key exists before the first request: generated and kept in the database on first start unless configured.
  await application.evidence.signingKey.key();
  await application.evidence.storeNewEvents();
  // Outbound messages (docs/notifications.md): a commit that enqueued wakes this process's dispatcher at once.
  const commits = CommitSignal.attach(dataSource);
  application.outbox.useCommitSignal(commits);

  // Demo data only goes into an empty database, so it is loaded before the bootstrap admin.
  const demoLogins = config.demo ? await seedDemoData(application) : [];
  if (config.bootstrap && (await bootstrapAdmin(db, config.bootstrap.email, config.bootstrap.token))) {
    log.info({ email: config.bootstrap.email }, 'bootstrap admin created');
  }

  const app = express();
  const httpServer = http.createServer(app);
  const hardening = createHardening(config.hardening, application.authenticator);
  let draining = false;
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy (CANOPY_TRUST_PROXY): req.secure, and so the Secure cookie flag, follow X-Forwarded-Proto.
  app.set('trust proxy', config.hardening.trustProxy);
  app.use(hardening.headers);
  app.use(cookieParser());
  app.use((_req, res, next) => {
    res.locals.requestId = randomUUID();
    if (!config.sqlCount) return next();
    const tally: QueryTally = { statements: 0 };
    res.locals.tally = tally;
    runWithTally(tally, next);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const up = await db.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'database unavailable' });
  });
  app.use('/auth/login', hardening.login);
  // Demo mode only: the console's sign-in page lists the demo accounts (their password is public by design).
  app.get('/auth/demo-logins', (_req, res) => {
    if (!demoLogins.length) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not in demo mode.' } });
      return;
    }
    res.json({ password: demoLogins[0].password, logins: demoLogins.map(({ email, name, roles }) => ({ email, name, roles })) });
  });
  app.use('/auth', authRoutes(application.sessions));
  app.get(AUDIT_KEY_PATH, auditKeyRoute(application.evidence.signingKey));
  app.get(EVIDENCE_BUNDLE_PATH, hardening.authenticated, evidenceBundleRoute(application.evidenceBundles, application.clock, (res) => credentialsOf(res).viewer));
  app.use('/public', publicRoutes(application.publicPages, application.clock, { enabled: config.notifications.publicNotices, publicUrl: config.notifications.publicUrl }));

  const apollo = new ApolloServer<AppContext>({
    schema: await buildCanopySchema(),
    ...hardening.apollo,
    formatError: hardening.formatError(createErrorFormatter(log)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      // No @cacheControl hints are used; the default plugin would wrap every field resolver (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      ...hardening.plugins,
      {
        async requestDidStart() {
          return {
            // Apollo formats these same errors next, without the context: the formatter finds their request id by them.
            async didEncounterErrors({ contextValue, errors }) {
              tagErrorsWithRequestId(errors, contextValue.requestId);
            },
            async willSendResponse({ contextValue, response }) {
              if (contextValue.tally) response.http.headers.set(SQL_COUNT_HEADER, String(contextValue.tally.statements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  // Benchmark only (tools/bench, docs/benchmarks.md): CANOPY_NAIVE_LOADERS=1 serves relations per parent, the naive peer. Read once, at start.
  const loadersFor = config.benchmark && process.env.CANOPY_NAIVE_LOADERS === '1' ? createNaiveLoaders : createLoaders;
  app.use(
    '/graphql',
    hardening.graphql,
    expressMiddleware(apollo, {
      // hardening.graphql authenticated the request before Apollo read it: only signed-in callers get here.
      context: async ({ res }) => {
        const credentials = credentialsOf(res);
        return {
          requestId: res.locals.requestId as string,
          tally: res.locals.tally as QueryTally | undefined,
          credentials,
          viewer: credentials.viewer,
          app: application,
          loaders: loadersFor(application),
        };
      },
    }),
  );
  app.use('/explorer', hardening.explorer);
  app.use(serveConsole());
  app.use((error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isConnectionError(error)) {
      res.status(503).set('retry-after', '5').json({ errors: [{ message: 'The database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error, requestId: res.locals.requestId }, 'request failed');
    res.status(status).json({ errors: [{ message: status === 500 ? 'Internal server error' : error.message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  const delivery = config.notifications.dispatcher ? createDelivery(db, config.notifications, log) : null;
  if (delivery) {
    commits.onCommit(() => delivery.dispatcher.nudge());
    delivery.dispatcher.start();
  }

  return {
    app,
    http: httpServer,
    db,
    application,
    queryLogger,
    demoLogins,
    delivery,
    listen: (port = config.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve(`http://localhost:${(httpServer.address() as AddressInfo).port}`));
      }),
    close: async () => {
      // Stop accepting, let requests in flight finish (up to CANOPY_SHUTDOWN_GRACE_MS), then close the pool.
      draining = true;
      // The dispatcher stops claiming at once and finishes the sends in flight while requests drain.
      const deliveryStopped = delivery?.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await deliveryStopped;
      await dataSource.destroy();
    },
  };
}
