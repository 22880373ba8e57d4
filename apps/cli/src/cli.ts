import { Command, CommanderError, Option } from 'commander';
import { applyCommand } from './commands/apply';
import { auditVerifyCommand } from './commands/audit-verify';
import { checkCommand, DEFAULT_FAIL_ON } from './commands/check';
import { commandContext } from './commands/context';
import { exportEvidenceCommand, verifyEvidenceCommand } from './commands/evidence';
import { exportFidesCommand } from './commands/export-fides';
import { exportRopaCommand } from './commands/export-ropa';
import { importFidesCommand } from './commands/import-fides';
import { whoamiCommand } from './commands/whoami';
import type { GlobalOptions } from './config';
import { CliError } from './errors';
import { EXIT, EXIT_CODES_HELP } from './exit-codes';
import type { CliIo } from './io';
import { Printer } from './output';
import { SEVERITIES } from './manifest/vocabulary';
import { CLI_VERSION } from './version';

const ENVIRONMENT_HELP = `Configuration (flags win over the environment):
  CANOPY_URL    the API, e.g. https://canopy.example.com (or its /graphql endpoint)
  CANOPY_TOKEN  an API token (prefer it to --token: flags show in process lists)`;

const EXAMPLES_HELP = `Examples:
  canopy apply -f canopy.yaml --dry-run
  canopy apply -f services/*.yaml
  canopy check -f canopy.yaml --fail-on HIGH
  canopy export ropa --format csv --at 2026-01-01 -o ropa.csv
  canopy export fides -o datamap.yaml
  canopy import fides fides/*.yml --team web --dry-run
  canopy audit verify --output json`;

/**
 * Runs the CLI with the given arguments (without `node` and the script) and
 * returns the exit code; never calls process.exit, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = new Command();
  const run = (action: (ctx: ReturnType<typeof commandContext>) => Promise<number>) => async (_: unknown, command: Command) => {
    const options = command.optsWithGlobals() as GlobalOptions;
    const ctx = commandContext(io, options);
    exitCode = await action(ctx);
  };

  program
    .name('canopy')
    .description('Canopy from the command line: apply and check service manifests, export records, verify the audit log.')
    .version(CLI_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .option('--url <url>', 'the Canopy API (default: $CANOPY_URL)')
    .option('--token <token>', 'an API token (default: $CANOPY_TOKEN)')
    .addOption(new Option('--output <format>', 'human text or one JSON document for scripts').choices(['human', 'json']).default('human'))
    .addHelpText('after', `\n${ENVIRONMENT_HELP}\n\n${EXIT_CODES_HELP}\n\n${EXAMPLES_HELP}\n`);

  program
    .command('apply')
    .description('register or update services and processors from manifests; changes only what differs (idempotent)')
    .requiredOption('-f, --file <files...>', 'manifest files (YAML, several documents each)')
    .option('--dry-run', 'print the plan (create / update / unchanged per object) and change nothing')
    .action((options, command) => run((ctx) => applyCommand(ctx, options))(options, command));

  program
    .command('check')
    .description('report the findings the services would have under the effective policy; applies nothing (a pull-request gate)')
    .requiredOption('-f, --file <files...>', 'manifest files (YAML, several documents each)')
    .option('--fail-on <severity>', `exit 1 when a finding not accepted by an officer is at or above this severity: ${SEVERITIES.join(', ')}`, DEFAULT_FAIL_ON)
    .action((options, command) => run((ctx) => checkCommand(ctx, options))(options, command));

  const exportCommand = program.command('export').description('export records');
  exportCommand
    .command('ropa')
    .description('the record of processing activities (GDPR Art. 30(1)); auditors, privacy officers and admins')
    .addOption(new Option('--format <format>', 'csv, or json (the default with --output json); default csv').choices(['csv', 'json']))
    .option('--at <instant>', 'the record as of this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z or 2026-01-01); default now')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action((options, command) => run((ctx) => exportRopaCommand(ctx, options))(options, command));
  exportCommand
    .command('fides')
    .description('every service as a fideslang system manifest (systems with privacy declarations), through the taxonomy mapping')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--mapping <file>', "your organisation's fideslang <-> Canopy taxonomy mapping (overrides the default key by key)")
    .action((options, command) => run((ctx) => exportFidesCommand(ctx, options))(options, command));

  exportCommand
    .command('evidence')
    .description('the evidence bundle as of an instant, signed by the API, for offline verification; auditors, privacy officers and admins')
    .option('--at <instant>', 'the records as of this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z or 2026-01-01); default now')
    .option('-o, --out <file>', 'the file to write the bundle to (required)')
    .action((options, command) => run((ctx) => exportEvidenceCommand(ctx, options))(options, command));

  const importCommand = program.command('import').description('import records from other tools');
  importCommand
    .command('fides')
    .description('register or update services from fideslang system manifests, like apply; nothing is applied while a taxonomy key is unmapped')
    .argument('<files...>', 'fideslang manifest files (YAML)')
    .option('--team <key>', 'the team of systems whose manifest names none (canopy.team)')
    .option('--dry-run', 'print the plan (create / update / unchanged per object) and change nothing')
    .option('--mapping <file>', "your organisation's fideslang <-> Canopy taxonomy mapping (overrides the default key by key)")
    .option('--skip-unmapped', 'import what maps and list the taxonomy keys that do not, instead of refusing')
    .action((files, options, command) => run((ctx) => importFidesCommand(ctx, files, options))(options, command));

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('recompute the audit hash chain; exit 1 when it is broken')
    .action((options, command) => run((ctx) => auditVerifyCommand(ctx))(options, command));

  const evidence = program.command('evidence').description('evidence bundles, verified offline');
  evidence
    .command('verify')
    .description('verify a bundle offline with the public key alone; exit 1 when anything in it fails (each failure names its record)')
    .argument('<file>', 'the bundle (canopy export evidence)')
    .option('--key <file>', 'the PEM public key from /.well-known/canopy-audit-key (required)')
    .action((file, options, command) => run((ctx) => verifyEvidenceCommand(ctx, file, options))(options, command));

  program
    .command('whoami')
    .description('show the user the token belongs to, with roles and teams')
    .action((options, command) => run((ctx) => whoamiCommand(ctx))(options, command));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
      return EXIT.INPUT;
    }
    const printer = new Printer(io, wantsJson(argv) ? 'json' : 'human');
    if (error instanceof CliError) {
      printer.error(error);
      return error.exitCode;
    }
    printer.error(new CliError(`unexpected error: ${(error as Error)?.stack ?? String(error)}`, EXIT.SERVER, { code: 'INTERNAL' }));
    return EXIT.SERVER;
  }
}

function wantsJson(argv: readonly string[]): boolean {
  const i = argv.lastIndexOf('--output');
  return (i >= 0 && argv[i + 1] === 'json') || argv.includes('--output=json');
}
