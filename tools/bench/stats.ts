/** Percentiles and the Markdown table of the benchmark. */

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Sample {
  ms: number[];
  /** SQL statements per request as the API reported them (empty for the floor: it counts its own). */
  statements: number[];
  /** CPU time of the serving process per request, when measured. */
  cpuMs?: number;
}

export const emptySample = (): Sample => ({ ms: [], statements: [] });

export function summary(sample: Sample) {
  const statements = sample.statements.length ? { min: Math.min(...sample.statements), max: Math.max(...sample.statements) } : null;
  return { n: sample.ms.length, p50: percentile(sample.ms, 50), p95: percentile(sample.ms, 95), statements };
}

export const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : 'n/a');
export const ratio = (value: number) => (Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}x` : 'n/a');
export const statements = (s: { min: number; max: number } | null) => (!s ? 'n/a' : s.min === s.max ? String(s.min) : `${s.min}-${s.max}`);

export function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i === 0 ? '---' : '--:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
