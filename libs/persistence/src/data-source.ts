import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, Logger } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { assertServerHoldsUtf8mb4, TEXT_COLLATION, useDialectCollations } from './charset';
import { DatabaseTarget, parseDatabaseUrl } from './database-url';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

export type MysqlFlavor = 'mysql' | 'mariadb';

export interface DataSourceSettings {
  logger?: Logger;
  /** TypeORM reads MariaDB's catalogue differently; openDataSource() asks the server. */
  flavor?: MysqlFlavor;
  /** MySQL pool size per process. */
  poolSize?: number;
}

/** A DataSource whose entity metadata names this dialect's byte-for-byte collation (charset.ts). */
class CanopyDataSource extends DataSource {
  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    useDialectCollations(this);
  }
}

/** Builds (does not initialise) the one DataSource of a process. */
export function createDataSource(url: string, settings: DataSourceSettings = {}): DataSource {
  const target = parseDatabaseUrl(url);
  const common = {
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logger: settings.logger,
  };
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    return new CanopyDataSource({
      ...common,
      type: 'better-sqlite3',
      database: target.path,
      // WAL keeps readers off the writer's back; busy_timeout covers other processes (the CLI, tests).
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    });
  }
  return new CanopyDataSource({
    ...common,
    type: settings.flavor ?? (url.startsWith('mariadb:') ? 'mariadb' : 'mysql'),
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
    // The connection's character set and collation; the tables' own are the schema's (charset.ts).
    charset: TEXT_COLLATION,
    timezone: 'Z',
    poolSize: settings.poolSize ?? 10,
    // trace: false: mysql2 would capture a stack trace for every statement (2% of a service page's CPU) to
    // name the caller in a failed statement's stack; TypeORM's QueryFailedError names the statement anyway.
    extra: { connectTimeout: 5000, enableKeepAlive: true, trace: false },
  });
}

/**
 * Builds and initialises the DataSource, asking a MySQL-protocol server
 * whether it is MariaDB, and refuses a server that cannot hold utf8mb4.
 */
export async function openDataSource(url: string, settings: DataSourceSettings = {}): Promise<DataSource> {
  const target = parseDatabaseUrl(url);
  const flavor = target.dialect === 'mysql' && !settings.flavor ? await detectFlavor(target) : settings.flavor;
  const dataSource = createDataSource(url, { ...settings, flavor });
  await dataSource.initialize();
  try {
    await assertServerHoldsUtf8mb4(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

async function detectFlavor(target: Extract<DatabaseTarget, { dialect: 'mysql' }>): Promise<MysqlFlavor> {
  const connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeout: 5000,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return version.toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}
