import { executePlan, NO_PROGRESS, Progress } from '../apply/execute';
import { Plan, PlanEntry, planApply, summarise } from '../apply/plan';
import { problemsFromApiError } from '../apply/server-problems';
import { readCurrentState } from '../apply/state';
import { CliError, ManifestError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { LoadedManifest, parseManifests, readManifestFiles } from '../manifest/load';
import type { Printer } from '../output';
import type { CommandContext } from './context';

export interface ApplyOptions {
  file: string[];
  dryRun?: boolean;
}

const SYMBOL: Record<PlanEntry['action'], string> = { create: '+', update: '~', unchanged: '=' };

/**
 * `canopy apply`: validates every manifest locally, reads the current state
 * in one request, plans, and (unless --dry-run) runs only the mutations that
 * change something. Applying the same files twice changes nothing the second
 * time and writes no audit event.
 */
export async function applyCommand(ctx: CommandContext, options: ApplyOptions): Promise<number> {
  const manifests = await loadManifests(ctx.io, options.file);
  const client = ctx.client();
  const state = await readCurrentState(client, manifests);
  const { plan, problems } = planApply(manifests, state);
  if (problems.length) throw new ManifestError(problems);

  const counts = summarise(plan);
  if (options.dryRun) {
    ctx.printer.result({ dryRun: true, summary: counts, entries: plan.entries.map(describe) });
    ctx.printer.line(`Plan (dry run, nothing applied): ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged`);
    printEntries(ctx.printer, plan);
    return EXIT.OK;
  }

  const progress = wantsProgress(ctx.io.stdout, ctx.printer.json, manifests.length, plan) ? await spinner(ctx.io) : NO_PROGRESS;
  try {
    await executePlan(client, plan, progress);
  } catch (error) {
    const entry = (error as { entry?: PlanEntry }).entry;
    const completed = (error as { completed?: PlanEntry[] }).completed ?? [];
    if (completed.length) ctx.printer.note(`Applied before the failure: ${completed.map((e) => `${e.object} ${e.name}`).join(', ')}`);
    const origin = entry && manifests.find((m) => m.origin.file === entry.file && m.origin.document === entry.document)?.origin;
    const located = origin ? problemsFromApiError(error, origin) : null;
    if (located) throw new ManifestError(located);
    if (entry && error instanceof Error) error.message = `${entry.object} ${entry.name} (${entry.file} document ${entry.document}): ${error.message}`;
    throw error;
  }
  ctx.printer.result({ dryRun: false, summary: counts, entries: plan.entries.map(describe) });
  ctx.printer.line(
    counts.create + counts.update === 0
      ? `Nothing to change: ${counts.unchanged} object${counts.unchanged === 1 ? '' : 's'} already as declared`
      : `Applied: ${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged`,
  );
  printEntries(ctx.printer, plan);
  return EXIT.OK;
}

export async function loadManifests(io: CliIo, files: string[] | undefined): Promise<LoadedManifest[]> {
  if (!files?.length) throw new CliError('name at least one manifest with -f FILE', EXIT.INPUT, { code: 'USAGE' });
  return parseManifests(await readManifestFiles(files, io.cwd, io.readFile));
}

function describe(e: PlanEntry) {
  return { object: e.object, name: e.name, action: e.action, changes: e.changes, file: e.file, document: e.document };
}

function printEntries(printer: Printer, plan: Plan): void {
  const width = Math.min(60, Math.max(0, ...plan.entries.map((e) => e.object.length + e.name.length + 1)));
  for (const e of plan.entries) {
    const label = `${e.object} ${e.name}`;
    printer.line(`  ${SYMBOL[e.action]} ${label.padEnd(width)}  ${e.action === 'unchanged' ? 'unchanged' : e.action}${e.changes.length ? `: ${e.changes.join('; ')}` : ''}`);
  }
}

/**
 * A spinner only for multi-document applies on a terminal, never in JSON
 * mode. A terminal that reports no width (some CI pseudo-terminals) gets
 * none: ora would divide by a width of 0.
 */
export function wantsProgress(stdout: CliIo['stdout'], json: boolean, documents: number, plan: Plan): boolean {
  return Boolean(stdout.isTTY) && (stdout.columns ?? 0) > 0 && !json && documents > 1 && plan.entries.some((e) => e.steps.length);
}

async function spinner(io: CliIo): Promise<Progress> {
  const { default: ora } = await import('ora');
  const spin = ora({ stream: io.stdout as NodeJS.WritableStream, discardStdin: false });
  return {
    start: (total) => void spin.start(`Applying ${total} change${total === 1 ? '' : 's'}`),
    step: (done, total, entry) => {
      spin.text = `[${done + 1}/${total}] ${entry.object} ${entry.name}`;
    },
    stop: () => void spin.stop(),
  };
}
