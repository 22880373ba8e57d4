import { ApiError } from '../client/graphql-client';
import type { ManifestProblem } from '../errors';
import type { DocumentOrigin } from '../manifest/load';

/**
 * Where in a manifest an argument path the API names lives: the API says
 * `items[2].dataCategory` (setInventory), `clauses[0].value`
 * (draftPolicyVersion), `inventory[1].purposes` or `sharing[0].dataCategories`
 * (checkServiceManifest); the manifest says spec.inventory[2].dataCategory...
 */
const PREFIXES: [RegExp, string][] = [
  [/^items(?=\[)/, 'spec.inventory'],
  [/^inventory(?=\[)/, 'spec.inventory'],
  [/^clauses(?=\[)/, 'spec.policy.clauses'],
  [/^sharing(?=\[)/, 'spec.sharing'],
  [/^measures(?=\[)/, 'spec.securityMeasures'],
];

export function manifestPathOf(argument: string): string | null {
  for (const [pattern, replacement] of PREFIXES) if (pattern.test(argument)) return argument.replace(pattern, replacement);
  return null;
}

/** The located problems of an API input error, or null when it names no manifest field. */
export function problemsFromApiError(error: unknown, origin: DocumentOrigin): ManifestProblem[] | null {
  if (!(error instanceof ApiError) || error.exitCode !== 2) return null;
  const located: ManifestProblem[] = [];
  for (const text of error.serverProblems) {
    const m = /^([^:\s]+):\s*(.*)$/.exec(text);
    const path = m ? manifestPathOf(m[1]) : null;
    if (m && path) located.push(origin.problem(path, m[2]));
  }
  if (located.length) return located;
  const path = error.argument ? manifestPathOf(error.argument) : null;
  if (!path) return null;
  const message = error.message.replace(/^[^:]+: [A-Z_]+: /, '').replace(new RegExp(`^${escape(error.argument ?? '')}:\\s*`), '');
  return [origin.problem(path, message)];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
