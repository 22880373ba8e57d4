import type { OutputFormat } from './config';
import { CliError, formatProblem } from './errors';
import type { CliIo } from './io';

/** Writes results as human text or as one JSON document (--output json), and errors the same way. */
export class Printer {
  constructor(
    private readonly io: CliIo,
    readonly format: OutputFormat,
  ) {}

  get json(): boolean {
    return this.format === 'json';
  }

  /** A line of human output (skipped in JSON mode). */
  line(text = ''): void {
    if (!this.json) this.io.stdout.write(`${text}\n`);
  }

  /** The command's JSON result (only in JSON mode). */
  result(value: unknown): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A note on stderr, human mode only (never mixed into JSON). */
  note(text: string): void {
    if (!this.json) this.io.stderr.write(`${text}\n`);
  }

  /**
   * An error: in JSON mode `{ "error": { code, message, exitCode, problems } }`
   * on stdout, so scripts read one stream; otherwise text on stderr, one
   * located problem per line.
   */
  error(error: CliError): void {
    if (this.json) {
      this.io.stdout.write(
        `${JSON.stringify({ error: { code: error.details.code ?? 'ERROR', message: error.message, exitCode: error.exitCode, problems: error.details.problems ?? [] } }, null, 2)}\n`,
      );
      return;
    }
    const problems = error.details.problems ?? [];
    this.io.stderr.write(`error: ${error.message}${problems.length ? ':' : ''}\n`);
    for (const p of problems) this.io.stderr.write(`  ${formatProblem(p)}\n`);
  }
}
