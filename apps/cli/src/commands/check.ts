import { ApiError } from '../client/graphql-client';
import { CHECK_SERVICE_MANIFEST, ManifestCheckData, ManifestFindingData, Severity, TAXONOMY } from '../client/operations';
import { normaliseItem } from '../apply/normalise';
import { taxonomyProblems } from '../apply/plan';
import { problemsFromApiError } from '../apply/server-problems';
import { ManifestError, ManifestProblem, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import { SEVERITIES } from '../manifest/vocabulary';
import { loadManifests } from './apply';
import type { CommandContext } from './context';

export interface CheckOptions {
  file: string[];
  failOn?: string;
}

export const DEFAULT_FAIL_ON: Severity = 'HIGH';

export function parseSeverity(value: string | undefined): Severity {
  const severity = (value ?? DEFAULT_FAIL_ON).toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(severity)) throw usageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${value}"`);
  return severity as Severity;
}

export const atOrAbove = (severity: Severity, threshold: Severity) => SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);

/** Findings that fail the gate: at or above the threshold and not accepted by an officer. */
export const failing = (findings: readonly ManifestFindingData[], threshold: Severity) => findings.filter((f) => !f.accepted && atOrAbove(f.severity, threshold));

/**
 * `canopy check`: a pull-request gate. Validates the manifests, asks the API
 * for the findings each service would have under the effective policy now
 * (nothing is saved), and exits 1 when any finding not accepted by an officer
 * is at or above --fail-on (default HIGH). Processor documents are validated
 * only.
 */
export async function checkCommand(ctx: CommandContext, options: CheckOptions): Promise<number> {
  const threshold = parseSeverity(options.failOn);
  const manifests = await loadManifests(ctx.io, options.file);
  const client = ctx.client();
  const services = manifests.flatMap((m) => (m.kind === 'Service' ? [m] : []));
  if (services.some((s) => s.manifest.spec.inventory || s.manifest.spec.sharing)) {
    const taxonomy = await client.request('read the taxonomy', TAXONOMY);
    const keys = { dataCategories: new Set(taxonomy.dataCategories.map((c) => c.key)), dataUses: new Set(taxonomy.dataUses.map((u) => u.key)) };
    const problems: ManifestProblem[] = services.flatMap((s) => taxonomyProblems(s.manifest, s.origin, keys));
    if (problems.length) throw new ManifestError(problems);
  }

  const results = [];
  for (const s of services) {
    const spec = s.manifest.spec;
    const input = {
      key: s.manifest.metadata.key,
      servesMinors: spec.servesMinors ?? null,
      inventory: spec.inventory ? spec.inventory.map(normaliseItem) : null,
      sharing: (spec.sharing ?? []).map((x) => ({ processorKey: x.processor, dataCategories: x.dataCategories, purposes: x.purposes, legalBasis: x.legalBasis })),
    };
    let data: ManifestCheckData;
    try {
      data = await client.request(`check ${input.key}`, CHECK_SERVICE_MANIFEST, { input });
    } catch (error) {
      const located = error instanceof ApiError ? problemsFromApiError(error, s.origin) : null;
      if (located) throw new ManifestError(located);
      throw error;
    }
    const check = data.checkServiceManifest;
    results.push({ ...check, file: s.origin.file, document: s.origin.document, failing: failing(check.findings, threshold).length });
  }

  const failed = results.some((r) => r.failing > 0);
  const skipped = manifests.length - services.length;
  ctx.printer.result({ failOn: threshold, failed, services: results });
  for (const r of results) {
    ctx.printer.line(
      `${r.serviceKey} (${r.registered ? 'registered' : 'not registered: global policy only'}): ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}, ${r.failing} at or above ${threshold}`,
    );
    for (const f of r.findings) {
      const mark = f.accepted ? `  (accepted${f.acceptedUntil ? ` until ${f.acceptedUntil.slice(0, 10)}` : ''})` : '';
      ctx.printer.line(`  ${f.severity.padEnd(8)} ${f.rule.padEnd(30)} ${(f.dataCategory ?? '-').padEnd(20)} ${f.message}${mark}`);
    }
  }
  if (skipped) ctx.printer.line(`${skipped} Processor document${skipped === 1 ? '' : 's'} validated (check evaluates services only)`);
  ctx.printer.line(failed ? `FAILED: findings at or above ${threshold}` : `OK: no finding at or above ${threshold}`);
  return failed ? EXIT.FAILED : EXIT.OK;
}
