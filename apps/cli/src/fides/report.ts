import { formatProblem } from '../errors';
import type { UnmappedKey } from './import-systems';
import type { SkippedResource } from './read-manifests';
import { FIELD_LABEL, UnsetField, UnsetReport } from './resolve-unset';

/** What `canopy import fides` reports besides the plan: keys skipped as unmapped, fields the manifests did not give, resources not imported. */
export function importReport(unmapped: readonly UnmappedKey[], unset: readonly UnsetReport[], skipped: readonly SkippedResource[]) {
  const lines: string[] = [];
  if (unmapped.length) {
    lines.push(`Not imported, not in the mapping (--skip-unmapped):`);
    for (const u of unmapped) lines.push(`  ${formatProblem(u.problem)}`);
  }
  if (unset.length) {
    lines.push('Not in the Fides manifests (kept as Canopy holds them; new services and items get the value shown):');
    for (const u of unset) {
      const what = u.item ? `${u.service}: item ${u.item.dataCategory} for ${u.item.purposes.join(', ')}` : u.service;
      lines.push(`  ${u.file}${u.line ? `:${u.line}` : ''}: document ${u.document}: ${u.path} (${what}): ${u.fields.map(describeField).join(', ')}`);
    }
  }
  if (skipped.length) lines.push(`Skipped, not imported by Canopy: ${skipped.map((s) => `${s.count} ${s.resource} (${s.file})`).join(', ')}`);
  return {
    lines,
    json: {
      unmapped: unmapped.map((u) => ({ kind: u.kind, key: u.key, reason: u.reason, file: u.problem.file, document: u.problem.document, line: u.problem.line, path: u.problem.path })),
      unset,
      skipped,
    },
  };
}

function describeField(f: UnsetField): string {
  const label = FIELD_LABEL[f.field] ?? f.field;
  const shown = f.value === null ? (f.field === 'retentionDays' ? 'kept indefinitely' : 'none') : String(f.value);
  const value = f.note ? `${shown}; ${f.note}` : shown;
  switch (f.from) {
    case 'unchanged':
      return label;
    case 'kept':
      return `${label} (kept: ${value})`;
    case '--team':
      return `${label} (--team ${value})`;
    case 'key':
      return `${label} (the key: ${value})`;
    case 'default':
      return `${label} (${value})`;
  }
}
