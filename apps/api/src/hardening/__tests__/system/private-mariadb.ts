import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection, createConnection } from 'mysql2/promise';

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function which(candidates: string[]): string {
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  throw new Error(`none of ${candidates.join(', ')} exists: install mariadb-server (docs/reliability.md)`);
}

/**
 * A MariaDB server of the test's own: its own data directory (in the system
 * temp dir), port and socket, started and stopped by the test, so it can be
 * killed without touching the shared server on 3306. Started as root with
 * `--user=root` and `--no-defaults` (the system my.cnf names another user and
 * log paths); root connects over TCP without a password.
 */
export class PrivateMariaDb {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'canopy-mariadb-'));
  readonly dataDir = path.join(this.dir, 'data');
  readonly socket = path.join(this.dir, 'mysqld.sock');
  port = 0;
  private server: ChildProcess | null = null;
  private output = '';

  /** Creates the data directory (about 2 s) and starts the server. */
  static async create(): Promise<PrivateMariaDb> {
    const db = new PrivateMariaDb();
    db.port = await freePort();
    const install = which(['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db', '/usr/local/bin/mariadb-install-db']);
    await run(install, ['--no-defaults', `--datadir=${db.dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
      timeout: 120_000,
    });
    await db.start();
    return db;
  }

  get running(): boolean {
    return this.server !== null && this.server.exitCode === null && this.server.signalCode === null;
  }

  /** Starts (or restarts) the server on the same data directory and port; resolves once it answers. */
  async start(): Promise<void> {
    const binary = which(['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/local/bin/mariadbd']);
    this.output = '';
    const server = spawn(
      binary,
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        `--port=${this.port}`,
        `--socket=${this.socket}`,
        `--pid-file=${path.join(this.dir, 'mysqld.pid')}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        '--innodb-flush-log-at-trx-commit=1',
        '--max-connections=200',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.server = server;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`mariadbd exited with ${server.exitCode}:\n${this.output.slice(-2000)}`);
      try {
        const c = await this.connect();
        await c.end();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`mariadbd did not answer within 60 s:\n${this.output.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** Stops the server: SIGTERM is a clean shutdown (connections are told), SIGKILL a crash (InnoDB recovers on start). */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const server = this.server;
    if (!server || !this.running) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill(signal);
    await exited;
    this.server = null;
  }

  connect(database?: string): Promise<Connection> {
    return createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database, connectTimeout: 2000 });
  }

  async createDatabase(name: string): Promise<string> {
    const c = await this.connect();
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    return `mysql://root@127.0.0.1:${this.port}/${name}`;
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
