/**
 * Brings API processes to their steady state before anything is timed.
 *
 * V8 runs a fresh process's code in its interpreter and compiles a function
 * to optimised machine code only once it has run often enough: measured on
 * the 5,000-service dataset, a fresh process's first 50 service lists of 10
 * cost 17 ms of CPU each, the same list after 500 more 5 to 7 ms
 * (docs/benchmarks.md, "Warm-up"). A user meets a process that has served
 * thousands of requests; timing a process's first few dozen measures V8's
 * tiering, not the code. The warm-up's own first requests are kept: they are
 * the cold-start figures of the report.
 */
export const WARM_KINDS = ['service list, first: 10', 'service list, first: 100', 'service page'] as const;
export type WarmKind = (typeof WARM_KINDS)[number];

/** How many of a process's first requests of each kind are reported as its cold start. */
export const COLD_REQUESTS = 20;

export interface WarmUpTarget {
  label: string;
  /** One request of the kind, its i-th; resolves to the client's time in ms (and throws on an error). */
  ask(kind: WarmKind, i: number): Promise<number>;
}

/** Each process's first COLD_REQUESTS times per kind, in ms. */
export type ColdStart = Map<string, Record<WarmKind, number[]>>;

/**
 * Sends `requests` requests to each target, the kinds in turn, the targets
 * interleaved request by request (as the timed workloads are), so the load of
 * the machine hits every process alike.
 */
export async function warmUp(targets: readonly WarmUpTarget[], requests: number): Promise<ColdStart> {
  const cold: ColdStart = new Map(targets.map((t) => [t.label, Object.fromEntries(WARM_KINDS.map((k) => [k, [] as number[]])) as Record<WarmKind, number[]>]));
  for (let i = 0; i < requests; i++) {
    const kind = WARM_KINDS[i % WARM_KINDS.length];
    const nth = Math.floor(i / WARM_KINDS.length);
    for (const target of targets) {
      const ms = await target.ask(kind, nth);
      if (nth < COLD_REQUESTS) cold.get(target.label)![kind].push(ms);
    }
  }
  return cold;
}
