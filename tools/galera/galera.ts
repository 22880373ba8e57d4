import { Command } from 'commander';
import { galeraState, startGaleraCluster, stopGaleraCluster } from './galera-cluster';

/**
 * The cluster from the shell (`npm run galera -- start|stop|status`): start
 * prints the state directory and one DATABASE_URL per node; the nodes keep
 * running until `stop --dir <dir>`.
 */
const program = new Command('galera').description('A three-node MariaDB Galera cluster on 127.0.0.1 (tools/galera)');

program
  .command('start')
  .description('start three nodes, wait until they are synced, print one DATABASE_URL per node')
  .option('--dir <dir>', 'parent directory for the nodes (default: the system temp dir)')
  .option('--charset <name>', 'character-set-server for every node (default: not set, i.e. latin1)')
  .option('--database <name>', 'database created on the cluster', 'canopy')
  .action(async (options: { dir?: string; charset?: string; database: string }) => {
    const started = Date.now();
    const cluster = await startGaleraCluster({ dir: options.dir, characterSetServer: options.charset, database: options.database });
    console.log(`Galera cluster of 3 synced in ${((Date.now() - started) / 1000).toFixed(1)} s; state in ${cluster.dir}`);
    cluster.urls.forEach((url, i) => console.log(`  ${cluster.nodes[i].name}  DATABASE_URL=${url}`));
    console.log(`stop it with: npm run galera -- stop --dir ${cluster.dir}`);
  });

program
  .command('status')
  .description('print the ports, pids and URLs of a started cluster')
  .requiredOption('--dir <dir>', 'the directory `start` printed')
  .action((options: { dir: string }) => console.log(JSON.stringify(galeraState(options.dir), null, 2)));

program
  .command('stop')
  .description('stop the nodes and remove their directory')
  .requiredOption('--dir <dir>', 'the directory `start` printed')
  .option('--keep-files', 'leave the data directories and logs')
  .action(async (options: { dir: string; keepFiles?: boolean }) => {
    await stopGaleraCluster(options.dir, { keepFiles: options.keepFiles });
    console.log(`stopped ${options.dir}`);
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
