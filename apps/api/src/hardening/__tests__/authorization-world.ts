import { assessmentQuestionnaire } from '@canopy/domain';
import { OutboxMessageEntity } from '@canopy/persistence';
import { registerProcessor } from '../../testing/fixtures';
import { ADMIN_EMAIL, ADMIN_TOKEN, GqlResult, TestServer } from '../../testing/test-server';

/** The callers of the authorization matrix: every role, and an engineer of a team that does not own the resources. */
export const CALLERS = ['ADMIN', 'PRIVACY_OFFICER', 'ENGINEER', 'OTHER_ENGINEER', 'AUDITOR'] as const;
export type Caller = (typeof CALLERS)[number];

export const EMAILS: Record<Caller, string> = {
  ADMIN: ADMIN_EMAIL,
  PRIVACY_OFFICER: 'officer@matrix.test',
  ENGINEER: 'engineer@matrix.test',
  OTHER_ENGINEER: 'other-engineer@matrix.test',
  AUDITOR: 'auditor@matrix.test',
};

/** The team that owns every service the matrix touches, and a second team. */
export const OWN_TEAM = 'own';
export const OTHER_TEAM = 'other';

/** A GLOBAL policy that allows what the fixtures do, with limits a service policy can weaken (conflicts) and an item can exceed (findings). */
export const GLOBAL_CLAUSES = [
  { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
  { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:third_party', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:public', value: 'ALLOWED' },
  { topic: 'RETENTION', subject: 'device.log', value: '30' },
];

export const ITEM = {
  dataCategory: 'device.log',
  purposes: ['service.provide'],
  source: 'AUTOMATIC',
  legalBasis: 'CONSENT',
  retentionDays: 30,
  encryption: 'AT_REST_AND_IN_TRANSIT',
  publiclyVisible: false,
};

/**
 * The fixtures of the authorization matrix: one token per caller, a GLOBAL
 * policy, and helpers that make fresh resources owned by OWN_TEAM (always as
 * the officer or the admin, so an attempt's only variable is its caller).
 */
export class World {
  readonly tokens = {} as Record<Caller, string>;
  private counter = 0;

  constructor(readonly t: TestServer) {}

  static async create(t: TestServer, options: { globalPolicy: boolean } = { globalPolicy: true }): Promise<World> {
    const world = new World(t);
    await world.ok('mutation { a: createTeam(key: "own", name: "Own") { id } b: createTeam(key: "other", name: "Other") { id } }');
    world.tokens.ADMIN = ADMIN_TOKEN;
    world.tokens.PRIVACY_OFFICER = await t.user(EMAILS.PRIVACY_OFFICER, ['PRIVACY_OFFICER']);
    world.tokens.ENGINEER = await t.user(EMAILS.ENGINEER, ['ENGINEER'], [OWN_TEAM]);
    world.tokens.OTHER_ENGINEER = await t.user(EMAILS.OTHER_ENGINEER, ['ENGINEER'], [OTHER_TEAM]);
    world.tokens.AUDITOR = await t.user(EMAILS.AUDITOR, ['AUDITOR']);
    if (options.globalPolicy) {
      await world.ok('mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { key } }', { i: { key: 'general', title: 'General', scope: 'GLOBAL' } }, 'PRIVACY_OFFICER');
      await world.publish('general', GLOBAL_CLAUSES);
    }
    return world;
  }

  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  /** Runs an operation that must succeed (as the officer unless told). */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, as: Caller = 'ADMIN'): Promise<T> {
    const r: GqlResult = await this.t.gql(query, variables, this.tokens[as] ?? ADMIN_TOKEN);
    if (r.errors) throw new Error(`fixture step failed: ${query.slice(0, 80)}: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  /** A fresh service of OWN_TEAM with one inventory item (device.log). */
  async service(inventory = [ITEM]): Promise<string> {
    const key = this.unique('svc');
    await this.ok('mutation($i: RegisterServiceInput!) { registerService(input: $i) { key } }', { i: { key, name: key, teamKey: OWN_TEAM } }, 'PRIVACY_OFFICER');
    if (inventory.length) {
      await this.ok('mutation($k: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $k, items: $items) { key } }', { k: key, items: inventory }, 'PRIVACY_OFFICER');
    }
    return key;
  }

  async serviceVersion(key: string): Promise<number> {
    return (await this.ok('query($k: String!) { service(key: $k) { version } }', { k: key })).service.version;
  }

  /** A fresh processor with a valid DPA. */
  async processor(): Promise<string> {
    const key = this.unique('proc');
    await registerProcessor(this.t, this.tokens.PRIVACY_OFFICER, key);
    return key;
  }

  async processorVersion(key: string): Promise<number> {
    return (await this.ok('query($k: String!) { processor(key: $k) { version } }', { k: key })).processor.version;
  }

  /** A fresh DRAFT arrangement of a fresh service of OWN_TEAM, proposed by `requester`. */
  async draftArrangement(requester: Caller = 'ENGINEER'): Promise<{ id: string; version: number }> {
    const [serviceKey, processorKey] = [await this.service(), await this.processor()];
    const a = await this.ok(
      'mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id version } }',
      { i: { serviceKey, processorKey, dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' } },
      requester,
    );
    return a.proposeSharing;
  }

  /** A fresh arrangement in PENDING_REVIEW, requested by the owning team's engineer. */
  async pendingArrangement(): Promise<{ id: string; version: number }> {
    const draft = await this.draftArrangement('ENGINEER');
    const s = await this.ok('mutation($id: ID!, $v: Int!) { submitSharing(id: $id, expectedVersion: $v) { id version } }', { id: draft.id, v: draft.version }, 'ENGINEER');
    return s.submitSharing;
  }

  /** A fresh APPROVED arrangement. */
  async approvedArrangement(): Promise<{ id: string; version: number }> {
    const pending = await this.pendingArrangement();
    const a = await this.ok(
      'mutation($i: DecideSharingInput!) { approveSharing(input: $i) { id version status } }',
      { i: { id: pending.id, expectedVersion: pending.version } },
      'PRIVACY_OFFICER',
    );
    return a.approveSharing;
  }

  /** A fresh DPIA of a fresh service of OWN_TEAM, drafted by its engineer with every question answered; IN_REVIEW when `submitted`. */
  async assessment(submitted: boolean): Promise<{ id: string; version: number }> {
    const answers = assessmentQuestionnaire('DPIA').questions.map((question) => ({ questionId: question.id, answer: 'Answered for the matrix.' }));
    const draft = (await this.ok('mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { id version } }', { i: { kind: 'DPIA', serviceKey: await this.service(), answers, risks: [], reviewDueAt: new Date(Date.now() + 90 * 86_400_000).toISOString() } }, 'ENGINEER')).draftAssessment;
    if (!submitted) return draft;
    return (await this.ok('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id version } }', { id: draft.id, v: draft.version }, 'ENGINEER')).submitAssessment;
  }

  /** Creates (when new) a SERVICE policy for `serviceKey`. */
  async servicePolicy(serviceKey: string): Promise<string> {
    const key = `${serviceKey}-policy`;
    await this.ok('mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { key } }', { i: { key, title: key, scope: 'SERVICE', serviceKey } }, 'PRIVACY_OFFICER');
    return key;
  }

  async draft(policyKey: string, clauses: unknown[]): Promise<number> {
    const d = await this.ok(
      'mutation($k: String!, $c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $k, clauses: $c }) { number } }',
      { k: policyKey, c: clauses },
      'PRIVACY_OFFICER',
    );
    return d.draftPolicyVersion.number;
  }

  async publish(policyKey: string, clauses: unknown[]): Promise<void> {
    const number = await this.draft(policyKey, clauses);
    await this.ok(
      'mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number } }',
      { k: policyKey, n: number, at: new Date().toISOString() },
      'PRIVACY_OFFICER',
    );
  }

  /** A fresh OPEN conflict: a service policy keeps device.log longer than the global 30 days. */
  async openConflict(): Promise<{ id: string; serviceKey: string }> {
    const serviceKey = await this.service();
    await this.publish(await this.servicePolicy(serviceKey), [{ topic: 'RETENTION', subject: 'device.log', value: '90' }]);
    const conflicts = await this.ok('query($k: String!) { service(key: $k) { conflicts(status: OPEN) { id } } }', { k: serviceKey });
    const id = conflicts.service.conflicts[0]?.id;
    if (!id) throw new Error('fixture: no OPEN conflict was opened');
    return { id, serviceKey };
  }

  /** A fresh service with a RETENTION_EXCEEDED finding on device.log (kept indefinitely, the global limit is 30 days). */
  async serviceWithFinding(): Promise<string> {
    return this.service([{ ...ITEM, retentionDays: null as unknown as number }]);
  }

  /** A token of a fresh user (for changing another user's tokens). */
  async someoneElse(): Promise<{ email: string; tokenId: string }> {
    const email = `${this.unique('someone')}@matrix.test`;
    await this.ok('mutation($e: String!) { createUser(email: $e, name: "Someone", roles: [AUDITOR]) { id } }', { e: email });
    const created = await this.ok('mutation($e: String) { createApiToken(name: "theirs", userEmail: $e) { id } }', { e: email });
    return { email, tokenId: created.createApiToken.id };
  }

  /** A fresh webhook at a closed loopback port (MATRIX_ENV allows it): nothing leaves the machine. */
  async webhook(): Promise<string> {
    const created = await this.ok('mutation($u: String!) { createWebhook(url: $u, events: ["notice.issued"]) { webhook { id } } }', { u: `http://127.0.0.1:9/${this.unique('hook')}` });
    return created.createWebhook.webhook.id;
  }

  /** A delivery to a fresh webhook that ended FAILED, so it may be replayed. */
  async failedWebhookDelivery(): Promise<string> {
    const webhookId = await this.webhook();
    const { db, application } = this.t.server;
    return db.write(async (tx) => {
      const rows = await application.outbox.enqueue(tx, { kind: 'EVENT', event: 'notice.issued', data: { matrix: true } });
      const delivery = rows.find((r) => r.webhookId === webhookId)!;
      await tx.update(OutboxMessageEntity, { webhookId }, { status: 'FAILED', lastError: 'closed port' });
      return delivery.id;
    });
  }
}
