import { ManifestError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import type { LoadedManifest } from '../manifest/load';
import type { Printer } from '../output';
import type { CommandContext } from '../commands/context';
import { executePlan, NO_PROGRESS, Progress } from './execute';
import { CurrentState, Plan, PlanEntry, planApply, summarise } from './plan';
import { problemsFromApiError } from './server-problems';

const SYMBOL: Record<PlanEntry['action'], string> = { create: '+', update: '~', unchanged: '=' };

/** What a command adds to apply's report: fields of the JSON result, and lines printed after the plan. */
export interface ApplyReport {
  json?: Record<string, unknown>;
  lines?: string[];
}

/**
 * Plans the manifests against the state read, refuses (exit 2, every problem
 * located) before the first write, then prints the plan (--dry-run) or runs
 * only the mutations that change something and prints what it did. Shared by
 * `canopy apply` and `canopy import fides`: the same plan, output, errors and
 * exit codes whatever the manifests were read from.
 */
export async function applyManifests(ctx: CommandContext, manifests: readonly LoadedManifest[], state: CurrentState, dryRun: boolean, report: ApplyReport = {}): Promise<number> {
  const { plan, problems } = planApply(manifests, state);
  if (problems.length) throw new ManifestError(problems);

  const counts = summarise(plan);
  if (dryRun) {
    ctx.printer.result({ dryRun: true, summary: counts, entries: plan.entries.map(describe), ...report.json });
    ctx.printer.line(`Plan (dry run, nothing applied): ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged`);
    printEntries(ctx.printer, plan, report);
    return EXIT.OK;
  }

  const progress = wantsProgress(ctx.io.stdout, ctx.printer.json, manifests.length, plan) ? await spinner(ctx.io) : NO_PROGRESS;
  try {
    await executePlan(ctx.client(), plan, progress);
  } catch (error) {
    const entry = (error as { entry?: PlanEntry }).entry;
    const completed = (error as { completed?: PlanEntry[] }).completed ?? [];
    if (completed.length) ctx.printer.note(`Applied before the failure: ${completed.map((e) => `${e.object} ${e.name}`).join(', ')}`);
    const located = entry ? problemsFromApiError(error, entry.origin) : null;
    if (located) throw new ManifestError(located);
    if (entry && error instanceof Error) error.message = `${entry.object} ${entry.name} (${entry.file} document ${entry.document}): ${error.message}`;
    throw error;
  }
  ctx.printer.result({ dryRun: false, summary: counts, entries: plan.entries.map(describe), ...report.json });
  ctx.printer.line(
    counts.create + counts.update === 0
      ? `Nothing to change: ${counts.unchanged} object${counts.unchanged === 1 ? '' : 's'} already as declared`
      : `Applied: ${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged`,
  );
  printEntries(ctx.printer, plan, report);
  return EXIT.OK;
}

function describe(e: PlanEntry) {
  return { object: e.object, name: e.name, action: e.action, changes: e.changes, file: e.file, document: e.document };
}

function printEntries(printer: Printer, plan: Plan, report: ApplyReport): void {
  const width = Math.min(60, Math.max(0, ...plan.entries.map((e) => e.object.length + e.name.length + 1)));
  for (const e of plan.entries) {
    const label = `${e.object} ${e.name}`;
    printer.line(`  ${SYMBOL[e.action]} ${label.padEnd(width)}  ${e.action === 'unchanged' ? 'unchanged' : e.action}${e.changes.length ? `: ${e.changes.join('; ')}` : ''}`);
  }
  for (const line of report.lines ?? []) printer.line(line);
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
