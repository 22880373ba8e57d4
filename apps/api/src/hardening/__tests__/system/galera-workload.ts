import type { Answer, ApiChild } from './api-child';
import { APPROVE, item, SUBMIT } from '../../../testing/fixtures';

/**
 * Concurrent writes through two API processes on two Galera nodes, every
 * answer recorded: token creation and inventory replacements that must all
 * succeed (they collide on the audit head, and on the shared services, so
 * across nodes one of each colliding pair loses certification and is
 * retried), and races on one transition that exactly one side may win.
 */
export type Via = 'A' | 'B';

export interface Call {
  op: string;
  via: Via;
  /** null when the answer was a success. */
  code: string | null;
  message?: string;
}

export interface RaceResult {
  race: 'approval' | 'publish' | 'rename';
  winners: Via[];
  loserCodes: (string | null)[];
}

export interface Acknowledged {
  tokens: { id: string; token: string; via: Via }[];
  /** service key -> inventory markers (retentionDays) acknowledged */
  inventories: Map<string, { marker: number; via: Via }[]>;
  approvals: { arrangementId: string; version: number; via: Via }[];
  publishes: { policyKey: string; number: number; via: Via }[];
  renames: { key: string; name: string; version: number; via: Via }[];
}

export const SHARED_SERVICES = ['shared-0', 'shared-1', 'shared-2', 'shared-3'];
export const RENAMED_SERVICE = 'raced';
export const SERVICE_POLICY = 'maps-policy';
const CATEGORIES = ['device.log', 'user.contact.email', 'device.identifier'];

const CREATE_TOKEN = 'mutation($n: String!) { createApiToken(name: $n) { id token } }';
const SET_INVENTORY = 'mutation($k: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $k, items: $items) { key } }';
const PROPOSE = 'mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id version } }';
const DRAFT = 'mutation($k: String!, $c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $k, clauses: $c }) { number } }';
const PUBLISH = 'mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number status } }';
const SERVICE_VERSION = 'query($k: String!) { service(key: $k) { version } }';
const UPDATE_SERVICE = 'mutation($i: UpdateServiceInput!) { updateService(input: $i) { key name version } }';

export class GaleraWorkload {
  readonly calls: Call[] = [];
  readonly races: RaceResult[] = [];
  readonly acknowledged: Acknowledged = { tokens: [], inventories: new Map(), approvals: [], publishes: [], renames: [] };
  private marker = 10_000;

  constructor(
    private readonly apis: Record<Via, ApiChild>,
    /** Two privacy officers: [0] speaks to A, [1] to B. */
    private readonly officers: [string, string],
    /** An engineer of the services' team: proposes, submits and drafts (never approves its own proposal). */
    private readonly engineer: string,
  ) {}

  /** Every successful call wrote exactly one audit event (the setup calls are not counted here). */
  get writes(): number {
    return this.calls.filter((c) => c.code === null && c.op !== 'read').length;
  }

  async run(options: { tokensPerProcess: number; inventoryLanesPerProcess: number; inventoriesPerLane: number; raceRounds: number }): Promise<void> {
    const lanes: Promise<void>[] = [];
    for (const via of ['A', 'B'] as const) {
      lanes.push(this.tokenLane(via, options.tokensPerProcess));
      for (let lane = 0; lane < options.inventoryLanesPerProcess; lane++) lanes.push(this.inventoryLane(via, lane, options.inventoriesPerLane));
    }
    lanes.push(this.raceLane(options.raceRounds));
    await Promise.all(lanes);
  }

  private officerOf(via: Via): string {
    return this.officers[via === 'A' ? 0 : 1];
  }

  private async call(op: string, via: Via, query: string, variables: Record<string, unknown>, token = this.officerOf(via)): Promise<Answer> {
    const answer = await this.apis[via].gql(query, variables, token);
    const code = answer.status === 200 && !answer.errors ? null : (answer.errors?.[0]?.extensions?.code ?? answer.network ?? `HTTP ${answer.status}`);
    this.calls.push({ op, via, code, ...(code ? { message: answer.errors?.[0]?.message } : {}) });
    return answer;
  }

  private async tokenLane(via: Via, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const r = await this.call('createApiToken', via, CREATE_TOKEN, { n: `galera-${via}-${i}` });
      if (!r.errors) this.acknowledged.tokens.push({ ...r.data.createApiToken, via });
    }
  }

  /** Lanes of both processes replace the inventories of the same few services. */
  private async inventoryLane(via: Via, lane: number, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const key = SHARED_SERVICES[(i + lane) % SHARED_SERVICES.length];
      const marker = ++this.marker;
      const items = CATEGORIES.map((category) => item(category, { retentionDays: marker }));
      const r = await this.call('setInventory', via, SET_INVENTORY, { k: key, items });
      if (!r.errors) this.acknowledged.inventories.set(key, [...(this.acknowledged.inventories.get(key) ?? []), { marker, via }]);
    }
  }

  private async raceLane(rounds: number): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      const prepareOn: Via = round % 2 ? 'B' : 'A';
      await this.approvalRace(prepareOn);
      await this.publishRace(prepareOn, round);
      await this.renameRace(prepareOn, round);
    }
  }

  /** Both officers approve the same version of an arrangement needing two approvals, one through each process. */
  private async approvalRace(prepareOn: Via): Promise<void> {
    const proposed = await this.call('proposeSharing', prepareOn, PROPOSE, {
      i: { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' },
    }, this.engineer);
    if (proposed.errors) return;
    const { id, version } = proposed.data.proposeSharing;
    const submitted = await this.call('submitSharing', prepareOn, SUBMIT, { id, v: version }, this.engineer);
    if (submitted.errors) return;
    const expectedVersion = submitted.data.submitSharing.version;
    await this.race('approval', 'approveSharing', (via) => [APPROVE, { i: { id, expectedVersion, comment: `approved through ${via}` } }], (via, data) =>
      this.acknowledged.approvals.push({ arrangementId: id, version: data.approveSharing.version, via }),
    );
  }

  /** One draft, published by both processes at once. */
  private async publishRace(prepareOn: Via, round: number): Promise<void> {
    // Shorter retention each round: stricter, so no notice is due.
    const clauses = [{ topic: 'RETENTION', subject: 'device.log', value: String(365 - round) }];
    const drafted = await this.call('draftPolicyVersion', prepareOn, DRAFT, { k: SERVICE_POLICY, c: clauses }, this.engineer);
    if (drafted.errors) return;
    const number = drafted.data.draftPolicyVersion.number;
    await this.race('publish', 'publishPolicyVersion', () => [PUBLISH, { k: SERVICE_POLICY, n: number, at: new Date().toISOString() }], (via) =>
      this.acknowledged.publishes.push({ policyKey: SERVICE_POLICY, number, via }),
    );
  }

  /** Both processes rename the same service from the same version. */
  private async renameRace(prepareOn: Via, round: number): Promise<void> {
    const current = await this.apis[prepareOn].gql(SERVICE_VERSION, { k: RENAMED_SERVICE }, this.officerOf(prepareOn));
    const expectedVersion = current.data?.service?.version;
    if (typeof expectedVersion !== 'number') {
      this.calls.push({ op: 'read', via: prepareOn, code: 'NO_VERSION', message: JSON.stringify(current).slice(0, 300) });
      return;
    }
    await this.race('rename', 'updateService', (via) => [UPDATE_SERVICE, { i: { key: RENAMED_SERVICE, expectedVersion, name: `Raced ${round} through ${via}` } }], (via, data) =>
      this.acknowledged.renames.push({ key: RENAMED_SERVICE, name: data.updateService.name, version: data.updateService.version, via }),
    );
  }

  private async race(race: RaceResult['race'], op: string, request: (via: Via) => [string, Record<string, unknown>], won: (via: Via, data: any) => void): Promise<void> {
    const answers = await Promise.all((['A', 'B'] as const).map(async (via) => ({ via, answer: await this.call(op, via, ...request(via)) })));
    const winners = answers.filter((a) => !a.answer.errors);
    for (const winner of winners) won(winner.via, winner.answer.data);
    this.races.push({
      race,
      winners: winners.map((w) => w.via),
      loserCodes: answers.filter((a) => a.answer.errors).map((a) => a.answer.errors?.[0]?.extensions?.code ?? null),
    });
  }
}
