import { ChildProcess, spawn } from 'node:child_process';
import { DataSource } from 'typeorm';
import { openDataSource, OutboxMessageEntity } from '@canopy/persistence';
import { API_BUNDLE, WORKSPACE } from '../../../hardening/__tests__/system/api-child';
import { Database } from '../../../common/database';
import { Outbox } from '../outbox';
import type { OutboundMessage } from '../outbox.message';

/**
 * `node dist/apps/api/main.js dispatch`: the dispatcher alone in a process
 * of its own, as deployed next to API processes started with CANOPY_DISPATCHER=false.
 */
export class DispatchChild {
  output = '';
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  owner = '';

  private constructor(readonly child: ChildProcess) {
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(databaseUrl: string, env: Record<string, string>): Promise<DispatchChild> {
    const child = spawn(process.execPath, [API_BUNDLE, 'dispatch'], {
      cwd: WORKSPACE,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const dispatcher = new DispatchChild(child);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const running = /"owner":"([^"]+)"[^\n]*"msg":"Canopy dispatcher running"/.exec(dispatcher.output);
      if (running) {
        dispatcher.owner = running[1];
        return dispatcher;
      }
      if (child.exitCode !== null) throw new Error(`the dispatcher exited with ${child.exitCode}:\n${dispatcher.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`the dispatcher did not start within 60 s:\n${dispatcher.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    const exit = await this.exit;
    clearTimeout(timer);
    return exit;
  }
}

/** The test's own connection to the database the processes share: it writes outbox rows as a mutation would. */
export class OutboxProbe {
  private constructor(
    readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {}

  static async open(databaseUrl: string): Promise<OutboxProbe> {
    const dataSource = await openDataSource(databaseUrl);
    return new OutboxProbe(dataSource, new Database(dataSource), new Outbox({ publicUrl: 'https://canopy.test' }));
  }

  /** Each inner list is one transaction. */
  async enqueue(transactions: OutboundMessage[][]): Promise<OutboxMessageEntity[]> {
    const written: OutboxMessageEntity[] = [];
    for (const messages of transactions) {
      written.push(
        ...(await this.db.write(async (tx) => {
          const rows: OutboxMessageEntity[] = [];
          for (const message of messages) rows.push(...(await this.outbox.enqueue(tx, message)));
          return rows;
        })),
      );
    }
    return written;
  }

  rows(): Promise<OutboxMessageEntity[]> {
    return this.db.manager.find(OutboxMessageEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async until(what: string, done: (rows: OutboxMessageEntity[]) => boolean, timeoutMs = 60_000): Promise<OutboxMessageEntity[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.rows();
      if (done(rows)) return rows;
      if (Date.now() > deadline) {
        const summary = rows.map((r) => `${r.kind} ${r.status} attempts=${r.attempts} owner=${r.leaseOwner} error=${r.lastError}`).join('\n');
        throw new Error(`${what}: not within ${timeoutMs} ms\n${summary.slice(0, 3000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}
