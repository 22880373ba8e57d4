import { readCurrentState } from '../apply/state';
import { applyManifests } from '../apply/run';
import { ManifestError, ManifestProblem, usageError } from '../errors';
import { draftServices } from '../fides/import-systems';
import { loadMapping } from '../fides/mapping';
import { parseFidesManifests } from '../fides/read-manifests';
import { importReport } from '../fides/report';
import { resolveDrafts } from '../fides/resolve-unset';
import { readManifestFiles } from '../manifest/load';
import { SLUG } from '../manifest/vocabulary';
import type { CommandContext } from './context';

export interface ImportFidesOptions {
  team?: string;
  dryRun?: boolean;
  mapping?: string;
  skipUnmapped?: boolean;
}

/**
 * `canopy import fides FILE...`: fideslang system manifests applied like
 * `canopy apply` (same plan, output, idempotence, errors and exit codes),
 * each system a service through the mapping. Nothing is applied while a
 * taxonomy key is unmapped, unless --skip-unmapped; what the manifests do not
 * give (team, source, encryption, ...) is listed.
 */
export async function importFidesCommand(ctx: CommandContext, files: string[], options: ImportFidesOptions): Promise<number> {
  if (options.team !== undefined && !SLUG.test(options.team)) throw usageError(`--team must be a team key (lowercase letters, digits and dashes), not "${options.team}"`);
  const mapping = loadMapping(options.mapping ? (await readManifestFiles([options.mapping], ctx.io.cwd, ctx.io.readFile))[0] : undefined);
  const { systems, skipped } = parseFidesManifests(await readManifestFiles(files, ctx.io.cwd, ctx.io.readFile));
  const { drafts, unmapped, problems } = draftServices(systems, mapping, { team: options.team });
  const blocking = [...problems, ...(options.skipUnmapped ? [] : unmapped.map((u) => u.problem))];
  if (blocking.length) {
    if (!options.skipUnmapped && unmapped.length) ctx.printer.note('Map the unmapped keys with --mapping FILE, or import the rest with --skip-unmapped.');
    throw new ManifestError(byLocation(blocking, files));
  }
  const state = await readCurrentState(ctx.client(), { services: drafts.map((d) => d.key), processors: [] });
  const resolved = resolveDrafts(drafts, state);
  if (resolved.problems.length) throw new ManifestError(byLocation(resolved.problems, files));
  return applyManifests(ctx, resolved.manifests, state, Boolean(options.dryRun), importReport(options.skipUnmapped ? unmapped : [], resolved.unset, skipped));
}

/** Problems in the order of the files as given, then of documents and lines. */
const byLocation = (problems: ManifestProblem[], files: string[]) =>
  [...problems].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.document - b.document || (a.line ?? 0) - (b.line ?? 0));
