import path from 'node:path';
import { stringify } from 'yaml';
import { ExportedService, FIDES_EXPORT_PAGE, FidesExportPage } from '../client/operations';
import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import { exportSystems } from '../fides/export-systems';
import { KIND_LABEL, loadMapping } from '../fides/mapping';
import { readManifestFiles } from '../manifest/load';
import type { CommandContext } from './context';

export interface ExportFidesOptions {
  out?: string;
  mapping?: string;
}

/**
 * `canopy export fides`: every service as a fideslang system manifest
 * (YAML), to stdout or -o FILE. Canopy keys the mapping has no fideslang key
 * for are written as they are and listed on stderr (never guessed); with -o,
 * stdout gets a summary. With --output json, stdout gets one JSON document:
 * the summary, and the manifest itself when there is no -o.
 */
export async function exportFidesCommand(ctx: CommandContext, options: ExportFidesOptions): Promise<number> {
  const mapping = loadMapping(options.mapping ? (await readManifestFiles([options.mapping], ctx.io.cwd, ctx.io.readFile))[0] : undefined);
  const client = ctx.client();
  const services: ExportedService[] = [];
  let after: string | null = null;
  do {
    const page: FidesExportPage = await client.request('services', FIDES_EXPORT_PAGE, { after });
    services.push(...page.services.edges.map((e) => e.node));
    after = page.services.pageInfo.hasNextPage ? page.services.pageInfo.endCursor : null;
  } while (after);

  const { manifest, notMapped, declarations } = exportSystems(services, mapping);
  const header = `# Canopy's data map as fideslang ${mapping.fideslang} system manifests (canopy export fides, ${new Date().toISOString()}).\n# What fideslang has no field for is under \`canopy\` keys; \`canopy import fides\` reads it back.\n`;
  const content = header + stringify(manifest, { lineWidth: 0, aliasDuplicateObjects: false });
  for (const n of notMapped) {
    const where = n.kind === 'dataSubjects' ? 'left out of data_subjects, kept under canopy.dataSubjects' : "written as Canopy's own key (define it in Fides)";
    ctx.printer.note(`not in the mapping: ${KIND_LABEL[n.kind]} "${n.key}" (${n.services.join(', ')}): ${where}; or map it with --mapping`);
  }
  if (!options.out) {
    if (ctx.printer.json) ctx.printer.result({ fideslang: mapping.fideslang, systems: services.length, declarations, notMapped, manifest });
    else ctx.io.stdout.write(content);
    return EXIT.OK;
  }
  try {
    await ctx.io.writeFile(path.resolve(ctx.io.cwd, options.out), content);
  } catch (error) {
    throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.INPUT, { code: 'OUTPUT_FILE' });
  }
  ctx.printer.result({ file: options.out, fideslang: mapping.fideslang, systems: services.length, declarations, notMapped });
  ctx.printer.line(`Wrote ${services.length} system${services.length === 1 ? '' : 's'} with ${declarations} privacy declaration${declarations === 1 ? '' : 's'} to ${options.out} (fideslang ${mapping.fideslang})`);
  return EXIT.OK;
}
