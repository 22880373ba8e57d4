import { execFile, spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';

const run = promisify(execFile);

export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
const STATE_FILE = 'cluster.json';

export interface GaleraOptions {
  /** Where the nodes' directories go (created if missing); default a new directory in the system temp dir. */
  dir?: string;
  /**
   * `character-set-server` for every node. Default: not set, so the server
   * keeps MariaDB's compiled-in latin1 default, as a bare install does (the
   * system my.cnf, which sets utf8mb4 on Debian, is never read).
   */
  characterSetServer?: string;
  /** A database created on the first node (replicated to all) with the server's default character set. */
  database?: string;
  /** Seconds to wait for the cluster to form (default 120). */
  timeoutSeconds?: number;
}

export interface GaleraNode {
  name: string;
  /** SQL port on 127.0.0.1. */
  port: number;
  /** Group communication (gcomm), incremental and snapshot state transfer ports. */
  groupPort: number;
  istPort: number;
  sstPort: number;
  dir: string;
  pid: number;
}

export interface GaleraState {
  dir: string;
  database: string;
  /** One `mysql://root@127.0.0.1:<port>/<database>` per node. */
  urls: string[];
  nodes: GaleraNode[];
}

export interface GaleraCluster extends GaleraState {
  stop(): Promise<void>;
}

/** What is missing on this machine to run a cluster (empty when it can). */
export function galeraPrerequisites(): string[] {
  const needed: [string, string][] = [
    [GALERA_PROVIDER, 'galera-4'],
    [MARIADBD, 'mariadb-server'],
    [INSTALL_DB, 'mariadb-server'],
    ['/usr/bin/rsync', 'rsync'],
    ['/usr/bin/wsrep_sst_rsync', 'mariadb-server'],
  ];
  return needed.filter(([file]) => !existsSync(file)).map(([file, pkg]) => `${file} (apt-get install ${pkg})`);
}

/**
 * Starts a three-node MariaDB Galera cluster on 127.0.0.1 from the Debian
 * packages: each node has its own data directory, socket and ports (all
 * picked free, so it never meets the machine's MariaDB on 3306 or another
 * cluster), state transfer by rsync. The first node bootstraps the cluster,
 * the others join it one at a time (a full SST each); resolves once all three
 * report `wsrep_cluster_size=3` and `Synced`. The mariadbd processes are
 * detached: `stop()`, or `stopGaleraCluster(dir)` from another process, ends them.
 */
export async function startGaleraCluster(options: GaleraOptions = {}): Promise<GaleraCluster> {
  const missing = galeraPrerequisites();
  if (missing.length) throw new Error(`cannot start a Galera cluster, missing: ${missing.join(', ')}`);
  const dir = path.resolve(options.dir ? (mkdirSync(options.dir, { recursive: true }), mkdtempSync(path.join(options.dir, 'galera-'))) : mkdtempSync(path.join(tmpdir(), 'canopy-galera-')));
  const database = options.database ?? 'canopy';
  const deadline = Date.now() + (options.timeoutSeconds ?? 120) * 1000;
  const ports = await freePorts(12);
  const nodes: GaleraNode[] = [0, 1, 2].map((i) => ({
    name: `node${i + 1}`,
    port: ports[i * 4],
    groupPort: ports[i * 4 + 1],
    istPort: ports[i * 4 + 2],
    sstPort: ports[i * 4 + 3],
    dir: path.join(dir, `node${i + 1}`),
    pid: 0,
  }));
  chmodSync(dir, 0o755);
  const state: GaleraState = { dir, database, urls: nodes.map((n) => `mysql://root@127.0.0.1:${n.port}/${database}`), nodes };
  const clusterName = `canopy-${path.basename(dir)}`;
  try {
    await Promise.all(nodes.map((node) => initialise(node, nodes, clusterName, options.characterSetServer)));
    for (const [i, node] of nodes.entries()) {
      node.pid = launch(node, i === 0);
      saveState(state);
      await waitUntilSynced(node, i + 1, deadline);
    }
    for (const node of nodes) await waitUntilSynced(node, nodes.length, deadline);
    await sql(nodes[0], `CREATE DATABASE \`${database}\``);
  } catch (error) {
    await stopGaleraCluster(dir, { keepFiles: true });
    throw new Error(`${(error as Error).message}\n(node logs kept in ${dir}/node*/error.log)`);
  }
  return { ...state, stop: () => stopGaleraCluster(dir) };
}

/** Stops the cluster whose state is in `dir` (SIGTERM, then SIGKILL after 30 s) and removes its files. */
export async function stopGaleraCluster(dir: string, { keepFiles = false } = {}): Promise<void> {
  const stateFile = path.join(dir, STATE_FILE);
  if (existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as GaleraState;
    const running = state.nodes.filter((n) => n.pid > 0 && isMariadb(n.pid));
    for (const node of running) process.kill(node.pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (running.some((n) => isAlive(n.pid)) && Date.now() < deadline) await sleep(100);
    for (const node of running) if (isAlive(node.pid)) process.kill(node.pid, 'SIGKILL');
  }
  if (!keepFiles) rmSync(dir, { recursive: true, force: true });
}

/** Reads the state a started cluster left in `dir`. */
export function galeraState(dir: string): GaleraState {
  return JSON.parse(readFileSync(path.join(dir, STATE_FILE), 'utf8')) as GaleraState;
}

function myCnf(node: GaleraNode, all: GaleraNode[], clusterName: string, characterSetServer: string | undefined): string {
  const lines = [
    '[mysqld]',
    `datadir=${path.join(node.dir, 'data')}`,
    `socket=${path.join(node.dir, 'mysqld.sock')}`,
    `pid-file=${path.join(node.dir, 'mysqld.pid')}`,
    `log-error=${path.join(node.dir, 'error.log')}`,
    `tmpdir=${path.join(node.dir, 'tmp')}`,
    `port=${node.port}`,
    'bind-address=127.0.0.1',
    // As root, the nodes run as mysql: the rsync daemon of a state transfer, started by root, would drop to nobody.
    ...(runsAsRoot() ? ['user=mysql'] : []),
    'skip-name-resolve',
    'max_connections=200',
    'binlog_format=ROW',
    'default_storage_engine=InnoDB',
    'innodb_autoinc_lock_mode=2',
    'innodb_buffer_pool_size=64M',
    'innodb_log_file_size=32M',
    // The cluster keeps each commit on three nodes; a node need not flush its log per commit.
    'innodb_flush_log_at_trx_commit=2',
    ...(characterSetServer ? [`character-set-server=${characterSetServer}`] : []),
    'wsrep_on=ON',
    `wsrep_provider=${GALERA_PROVIDER}`,
    `wsrep_cluster_name=${clusterName}`,
    `wsrep_cluster_address=gcomm://${all.map((n) => `127.0.0.1:${n.groupPort}`).join(',')}`,
    `wsrep_node_name=${node.name}`,
    'wsrep_node_address=127.0.0.1',
    `wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${node.groupPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=64M"`,
    'wsrep_sst_method=rsync',
    `wsrep_sst_receive_address=127.0.0.1:${node.sstPort}`,
    // Causal reads: a read on one node sees every transaction committed on any node before it began.
    'wsrep_sync_wait=1',
  ];
  return `${lines.join('\n')}\n`;
}

async function initialise(node: GaleraNode, all: GaleraNode[], clusterName: string, characterSetServer: string | undefined): Promise<void> {
  mkdirSync(path.join(node.dir, 'tmp'), { recursive: true });
  const cnf = path.join(node.dir, 'my.cnf');
  writeFileSync(cnf, myCnf(node, all, clusterName, characterSetServer));
  if (runsAsRoot()) await run('chown', ['-R', 'mysql:mysql', node.dir]);
  await run(INSTALL_DB, [`--defaults-file=${cnf}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { timeout: 120_000 });
}

const runsAsRoot = () => process.getuid?.() === 0;

function launch(node: GaleraNode, bootstrap: boolean): number {
  const out = openSync(path.join(node.dir, 'stdout.log'), 'a');
  const child = spawn(MARIADBD, [`--defaults-file=${path.join(node.dir, 'my.cnf')}`, ...(bootstrap ? ['--wsrep-new-cluster'] : [])], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${MARIADBD} for ${node.name}`);
  return child.pid;
}

async function waitUntilSynced(node: GaleraNode, size: number, deadline: number): Promise<void> {
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!isAlive(node.pid)) throw new Error(`${node.name} (mariadbd ${node.pid}) exited:\n${tail(path.join(node.dir, 'error.log'))}`);
    try {
      const rows = (await sql(node, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')")) as { Variable_name: string; Value: string }[];
      const status = Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
      last = JSON.stringify(status);
      if (Number(status.wsrep_cluster_size) === size && status.wsrep_local_state_comment === 'Synced' && status.wsrep_ready === 'ON') return;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${node.name} did not reach a synced cluster of ${size} in time (last: ${last}):\n${tail(path.join(node.dir, 'error.log'))}`);
}

async function sql(node: GaleraNode, statement: string): Promise<unknown> {
  const connection = await createConnection({ host: '127.0.0.1', port: node.port, user: 'root', connectTimeout: 2000 });
  try {
    const [rows] = await connection.query(statement);
    return rows;
  } finally {
    await connection.end();
  }
}

function saveState(state: GaleraState): void {
  writeFileSync(path.join(state.dir, STATE_FILE), JSON.stringify(state, null, 2));
}

/** True when `pid` is alive and still a mariadbd (a recycled pid is left alone). */
function isMariadb(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'mariadbd';
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
