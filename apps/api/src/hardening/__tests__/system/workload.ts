import type { Answer, ApiChild } from './api-child';

/**
 * A mixed workload for the fault tests: each worker registers services of
 * its own, replaces their inventories (3 items tagged with a unique marker
 * in retentionDays) and renames them (optimistic versions), between reads of
 * the console's lists. Every answer is classified; what was acknowledged is
 * remembered so the consistency check can prove no acknowledged write was
 * lost.
 */
export const SERVICE_PREFIX = 'load-';
const CATEGORIES = ['device.log', 'user.contact.email', 'device.identifier'];

export const CONSOLE_LIST = `query ConsoleList($first: Int!) {
  services(first: $first) { edges { node { key name team { name } inventory { dataCategory } sharingArrangements { status processor { name } } conflicts(status: OPEN) { id } } } }
}`;
const REGISTER = 'mutation($i: RegisterServiceInput!) { registerService(input: $i) { key version } }';
const SET_INVENTORY = 'mutation($k: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $k, items: $items) { key } }';
const UPDATE = 'mutation($i: UpdateServiceInput!) { updateService(input: $i) { key version name } }';

export interface Acknowledged {
  registered: Set<string>;
  /** service key -> inventory markers acknowledged */
  inventories: Map<string, Set<number>>;
  /** service key -> names acknowledged */
  renames: Map<string, Set<string>>;
}

export interface Tally {
  requests: number;
  ok: number;
  /** Failures a client can act on: SERVICE_UNAVAILABLE (retry), VERSION_CONFLICT (reload). */
  clean: Record<string, number>;
  /** Anything else: 5xx other than 503, INTERNAL_SERVER_ERROR, a dropped connection, a non-JSON answer. */
  unclean: { what: string; op: string }[];
  byStatus: Record<string, number>;
  /** When each request started and ended, and how it went: to find the ones in flight at an instant. */
  spans: { start: number; end: number; outcome: 'ok' | 'clean' | 'unclean' }[];
}

export function classify(r: Answer, op: string, tally: Tally): 'ok' | 'clean' | 'unclean' {
  tally.requests++;
  tally.byStatus[r.status] = (tally.byStatus[r.status] ?? 0) + 1;
  if (r.network) {
    tally.unclean.push({ what: `no answer: ${r.network}`, op });
    return 'unclean';
  }
  if (r.status === 200 && !r.errors) {
    tally.ok++;
    return 'ok';
  }
  const codes = (r.errors ?? []).map((e) => e.extensions?.code ?? 'none');
  const code = codes[0];
  const expectedStatus = code === 'SERVICE_UNAVAILABLE' ? 503 : 200;
  if (codes.every((c) => c === code) && (code === 'SERVICE_UNAVAILABLE' || code === 'VERSION_CONFLICT') && r.status === expectedStatus) {
    tally.clean[code] = (tally.clean[code] ?? 0) + 1;
    return 'clean';
  }
  tally.unclean.push({ what: `HTTP ${r.status} ${codes.join(',')}: ${(r.errors ?? [])[0]?.message ?? ''}`.slice(0, 300), op });
  return 'unclean';
}

export function newTally(): Tally {
  return { requests: 0, ok: 0, clean: {}, unclean: [], byStatus: {}, spans: [] };
}

export class Workload {
  readonly acknowledged: Acknowledged = { registered: new Set(), inventories: new Map(), renames: new Map() };
  readonly tally = newTally();
  private running = false;
  private workers: Promise<void>[] = [];
  private marker = 1000;

  constructor(
    private readonly api: ApiChild,
    private readonly token: string,
    private readonly teamKey: string,
    /** Keeps the keys of two workloads on one database apart. */
    private readonly label: string,
    private readonly workers_ = 8,
  ) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.workers_ }, (_, w) => this.worker(w));
  }

  async stop(): Promise<Tally> {
    this.running = false;
    await Promise.all(this.workers);
    return this.tally;
  }

  /** The requests in flight at `at`: started before, answered after. */
  inFlightAt(at: number): Tally['spans'] {
    return this.tally.spans.filter((s) => s.start < at && s.end > at);
  }

  private async call(op: string, query: string, variables: Record<string, unknown>, classifier = classify): Promise<{ r: Answer; outcome: 'ok' | 'clean' | 'unclean' }> {
    const start = Date.now();
    const r = await this.api.gql(query, variables, this.token);
    const outcome = classifier(r, op, this.tally);
    this.tally.spans.push({ start, end: Date.now(), outcome });
    // A client backs off a little after a refusal instead of spinning.
    if (outcome !== 'ok') await new Promise((resolve) => setTimeout(resolve, 20));
    return { r, outcome };
  }

  private async worker(w: number): Promise<void> {
    const mine: { key: string; version: number | null }[] = [];
    let n = 0;
    while (this.running) {
      const roll = Math.random();
      if (roll < 0.35 || mine.length === 0) {
        if (mine.length === 0 || roll < 0.15) {
          const key = `${SERVICE_PREFIX}${this.label}-${w}-${n++}`;
          const { r, outcome } = await this.call('registerService', REGISTER, { i: { key, name: `Load ${key}`, teamKey: this.teamKey } });
          if (outcome === 'ok') {
            this.acknowledged.registered.add(key);
            mine.push({ key, version: r.data.registerService.version });
          } else {
            // Maybe committed, maybe not: the consistency check decides. Do not reuse the key.
            mine.push({ key, version: null });
          }
        } else {
          await this.call('services', CONSOLE_LIST, { first: 100 });
        }
      } else if (roll < 0.65) {
        const target = mine[Math.floor(Math.random() * mine.length)];
        const marker = ++this.marker;
        const items = CATEGORIES.map((dataCategory) => ({ dataCategory, purposes: ['service.provide'], source: 'USER_PROVIDED', legalBasis: 'CONSENT', retentionDays: marker, encryption: 'AT_REST_AND_IN_TRANSIT' }));
        const { outcome } = await this.call('setInventory', SET_INVENTORY, { k: target.key, items }, classifyMaybeMissing);
        if (outcome === 'ok') {
          if (!this.acknowledged.inventories.has(target.key)) this.acknowledged.inventories.set(target.key, new Set());
          this.acknowledged.inventories.get(target.key)!.add(marker);
        }
      } else if (roll < 0.85) {
        const target = mine[Math.floor(Math.random() * mine.length)];
        if (target.version === null) {
          const current = await this.call('service', 'query($k: String!) { service(key: $k) { version } }', { k: target.key });
          if (current.outcome === 'ok') target.version = current.r.data.service?.version ?? null;
          continue;
        }
        const name = `Renamed ${target.key} ${Math.random().toString(36).slice(2, 8)}`;
        const { r, outcome } = await this.call('updateService', UPDATE, { i: { key: target.key, expectedVersion: target.version, name } });
        if (outcome === 'ok') {
          target.version = r.data.updateService.version;
          if (!this.acknowledged.renames.has(target.key)) this.acknowledged.renames.set(target.key, new Set());
          this.acknowledged.renames.get(target.key)!.add(name);
        } else {
          target.version = null;
        }
      } else {
        const target = mine[Math.floor(Math.random() * mine.length)];
        await this.call('service', 'query($k: String!) { service(key: $k) { key version inventory { dataCategory retentionDays } } }', { k: target.key });
      }
    }
  }
}

/** setInventory on a service whose registration never committed answers NOT_FOUND: expected after an outage. */
function classifyMaybeMissing(r: Answer, op: string, tally: Tally): 'ok' | 'clean' | 'unclean' {
  if (r.status === 200 && r.errors?.every((e) => e.extensions?.code === 'NOT_FOUND')) {
    tally.requests++;
    tally.clean.NOT_FOUND = (tally.clean.NOT_FOUND ?? 0) + 1;
    return 'clean';
  }
  return classify(r, op, tally);
}
