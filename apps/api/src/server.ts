import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import cookieParser from 'cookie-parser';
import pino, { Logger } from 'pino';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { openDataSource, QueryCountingLogger, QueryTally, countQueriesIn } from '@canopy/persistence';
import { createApplication, Application } from './application';
import { authRoutes } from './auth/auth.routes';
import { bootstrapAdmin } from './bootstrap/bootstrap-admin';
import { Database } from './common/database';
import { createErrorFormatter } from './common/format-error';
import { runInRequestScope } from './common/request-scope';
import { serveConsole } from './console/serve-console';
import type { Config } from './config';
import type { AppContext } from './context';
import { seedDemoData, DemoLogin } from './demo/demo-data';
import { createLoaders } from './loaders';
import { buildCanopySchema } from './schema';

export const SQL_COUNT_HEADER = 'x-canopy-sql-statements';

export interface CanopyServer {
  app: express.Express;
  http: http.Server;
  db: Database;
  application: Application;
  queryLogger: QueryCountingLogger;
  demoLogins: DemoLogin[];
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

/** Builds the whole server (database migrated, schema built) without listening, so tests pick the port. */
export async function createCanopyServer(config: Config, log: Logger = pino({ level: config.logLevel })): Promise<CanopyServer> {
  const queryLogger = new QueryCountingLogger((message) => log.debug(message));
  const dataSource = await openDataSource(config.databaseUrl, { logger: queryLogger });
  await dataSource.runMigrations({ transaction: 'each' });
  const db = new Database(dataSource);
  const application = createApplication(db);

  // Demo data only goes into an empty database, so it is loaded before the bootstrap admin.
  const demoLogins = config.demo ? await seedDemoData(application) : [];
  if (config.bootstrap && (await bootstrapAdmin(db, config.bootstrap.email, config.bootstrap.token))) {
    log.info({ email: config.bootstrap.email }, 'bootstrap admin created');
  }

  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(cookieParser());
  app.use((req, res, next) => {
    const tally: QueryTally = { statements: 0 };
    res.locals.tally = tally;
    res.locals.requestId = randomUUID();
    runInRequestScope(res.locals.requestId, () => countQueriesIn(tally, next));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const up = await db.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'database unavailable' });
  });
  app.use('/auth', authRoutes(application.sessions));

  const apollo = new ApolloServer<AppContext>({
    schema: await buildCanopySchema(),
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              if (!config.production) response.http.headers.set(SQL_COUNT_HEADER, String(contextValue.tally.statements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const credentials = await application.authenticator.fromRequest(req);
        return {
          requestId: res.locals.requestId as string,
          tally: res.locals.tally as QueryTally,
          credentials,
          viewer: credentials.kind === 'viewer' ? credentials.viewer : null,
          app: application,
          loaders: createLoaders(application),
        };
      },
    }),
  );
  app.use(serveConsole());
  app.use((error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error, requestId: res.locals.requestId }, 'request failed');
    res.status(status).json({ errors: [{ message: status === 500 ? 'Internal server error' : error.message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return {
    app,
    http: httpServer,
    db,
    application,
    queryLogger,
    demoLogins,
    listen: (port = config.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve(`http://localhost:${(httpServer.address() as AddressInfo).port}`));
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await dataSource.destroy();
    },
  };
}
