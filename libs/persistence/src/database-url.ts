export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'mysql'; host: string; port: number; user: string; password: string; database: string };

/**
 * Parses DATABASE_URL: `sqlite:<path>` (or `sqlite::memory:`), or
 * `mysql://user[:password]@host[:port]/database` (also `mariadb://`).
 * Throws with a message that says what is wrong.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new Error('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./.data/canopy.sqlite');
    return { dialect: 'sqlite', path };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL must be mysql://user:pass@host:port/db or sqlite:<path>');
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL: unsupported scheme "${parsed.protocol}" (use mysql:// or sqlite:)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL: the mysql:// URL names no database (mysql://user@host:3306/<db>)');
  if (!parsed.username) throw new Error('DATABASE_URL: the mysql:// URL names no user');
  return {
    dialect: 'mysql',
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}
