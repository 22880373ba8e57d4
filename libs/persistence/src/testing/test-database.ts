import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../database-url';

export type TestDialect = 'sqlite' | 'mysql';

/** SQLite always; MySQL too when TEST_MYSQL_URL names a server (its database part is ignored). */
export function testDialects(): TestDialect[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** MySQL only: the database's default character set (default utf8mb4); `latin1` is what a bare server gives. */
  characterSet?: 'utf8mb4' | 'latin1';
}

/** A fresh, empty database of its own for one test suite. */
export async function createTestDatabase(dialect: TestDialect, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'canopy-test-'));
    return { url: `sqlite:${join(dir, 'canopy.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = process.env.TEST_MYSQL_URL;
  if (!server) throw new Error('TEST_MYSQL_URL is not set');
  const target = parseDatabaseUrl(server);
  if (target.dialect !== 'mysql') throw new Error('TEST_MYSQL_URL must be a mysql:// URL');
  const name = `canopy_t_${randomBytes(6).toString('hex')}`;
  const admin = () =>
    createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
  const connection = await admin();
  const characterSet = options.characterSet === 'latin1' ? 'CHARACTER SET latin1 COLLATE latin1_swedish_ci' : 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';
  await connection.query(`CREATE DATABASE \`${name}\` ${characterSet}`);
  await connection.end();
  const auth = target.password ? `${encodeURIComponent(target.user)}:${encodeURIComponent(target.password)}` : encodeURIComponent(target.user);
  return {
    url: `mysql://${auth}@${target.host}:${target.port}/${name}`,
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
