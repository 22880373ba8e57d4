import { EXIT, ExitCode } from './exit-codes';

/** A problem located in a manifest: file, document (numbered from 1), line and field path. */
export interface ManifestProblem {
  file: string;
  /** 1-based index of the YAML document in its file. */
  document: number;
  /** 1-based line, when known. */
  line?: number;
  /** Dotted field path inside the document, e.g. spec.inventory[0].retentionDays ('' for the document itself). */
  path: string;
  message: string;
}

export function formatProblem(p: ManifestProblem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
  return `${where}${p.document > 0 ? `: document ${p.document}` : ''}${p.path ? `: ${p.path}` : ''}: ${p.message}`;
}

/** An error that ends the command with a given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly details: { code?: string; problems?: ManifestProblem[] } = {},
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.INPUT, { code: 'USAGE' });

export class ManifestError extends CliError {
  constructor(readonly problems: ManifestProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the manifests`, EXIT.INPUT, { code: 'INVALID_MANIFEST', problems });
  }
}
