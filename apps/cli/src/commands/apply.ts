import { applyManifests } from '../apply/run';
import { readCurrentState, referencedKeys } from '../apply/state';
import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { LoadedManifest, parseManifests, readManifestFiles } from '../manifest/load';
import type { CommandContext } from './context';

export { wantsProgress } from '../apply/run';

export interface ApplyOptions {
  file: string[];
  dryRun?: boolean;
}

/**
 * `canopy apply`: validates every manifest locally, reads the current state
 * in one request, plans, and (unless --dry-run) runs only the mutations that
 * change something. Applying the same files twice changes nothing the second
 * time and writes no audit event.
 */
export async function applyCommand(ctx: CommandContext, options: ApplyOptions): Promise<number> {
  const manifests = await loadManifests(ctx.io, options.file);
  const state = await readCurrentState(ctx.client(), referencedKeys(manifests));
  return applyManifests(ctx, manifests, state, Boolean(options.dryRun));
}

export async function loadManifests(io: CliIo, files: string[] | undefined): Promise<LoadedManifest[]> {
  if (!files?.length) throw new CliError('name at least one manifest with -f FILE', EXIT.INPUT, { code: 'USAGE' });
  return parseManifests(await readManifestFiles(files, io.cwd, io.readFile));
}
