/* Helpers shared by the inventory, processor, sharing and findings integration specs. */
import type { TestDialect } from '@canopy/persistence';
import { startTestServer, type TestServer } from '../../../testing/test-server';

export interface ItemInput {
  dataCategory: string;
  purposes: string[];
  source: string;
  devicePermission?: string | null;
  legalBasis: string;
  retentionDays?: number | null;
  encryption: string;
  publiclyVisible?: boolean;
  dataSubjects?: string[];
}

/** A compliant-looking item: consent, 30 days, encrypted at rest and in transit, not public. */
export const item = (dataCategory: string, extra: Partial<ItemInput> = {}): ItemInput => ({
  dataCategory,
  purposes: ['service.provide'],
  source: 'USER_PROVIDED',
  legalBasis: 'CONSENT',
  retentionDays: 30,
  encryption: 'AT_REST_AND_IN_TRANSIT',
  publiclyVisible: false,
  ...extra,
});

export const SET_INVENTORY = `mutation($k: String!, $items: [InventoryItemInput!]!) {
  setInventory(serviceKey: $k, items: $items) { key inventory { id dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects validFrom validTo } }
}`;

export const ARRANGEMENT_FIELDS = `id status version requiredApprovals dataCategories purposes legalBasis decisionReason createdAt submittedAt decidedAt
  service { key } processor { key } requestedBy { email } approvals { approver { email } comment at } checks { name passed message blocking }`;

export async function expectOk<T = any>(promise: Promise<{ data: any; errors?: unknown }>): Promise<T> {
  const r = await promise;
  if (r.errors) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

export async function createTeams(t: TestServer, ...keys: string[]): Promise<void> {
  for (const key of keys) await expectOk(t.gql(`mutation { createTeam(key: "${key}", name: "${key}") { id } }`));
}

export async function registerService(t: TestServer, as: string, key: string, teamKey: string, servesMinors = false): Promise<void> {
  await expectOk(
    t.gql('mutation($i: RegisterServiceInput!) { registerService(input: $i) { id } }', { i: { key, name: key, teamKey, servesMinors } }, as),
  );
}

export async function setInventory(t: TestServer, as: string, serviceKey: string, items: ItemInput[]): Promise<any> {
  return (await expectOk(t.gql(SET_INVENTORY, { k: serviceKey, items }, as))).setInventory;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

export async function registerProcessor(t: TestServer, officer: string, key: string, extra: Record<string, unknown> = {}): Promise<any> {
  const input = {
    key,
    name: `${key} Inc.`,
    country: 'DE',
    contactEmail: `privacy@${key}.test`,
    dpaSignedAt: new Date(Date.now() - YEAR_MS).toISOString(),
    dpaExpiresAt: new Date(Date.now() + YEAR_MS).toISOString(),
    ...extra,
  };
  return (await expectOk(t.gql('mutation($i: RegisterProcessorInput!) { registerProcessor(input: $i) { id key version } }', { i: input }, officer)))
    .registerProcessor;
}

export async function propose(t: TestServer, as: string, input: Record<string, unknown>): Promise<any> {
  const full = { purposes: ['service.improve'], legalBasis: 'CONTRACT', ...input };
  return (await expectOk(t.gql(`mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { ${ARRANGEMENT_FIELDS} } }`, { i: full }, as))).proposeSharing;
}

export const SUBMIT = `mutation($id: ID!, $v: Int!) { submitSharing(id: $id, expectedVersion: $v) { ${ARRANGEMENT_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!, $v: Int!) { withdrawSharing(id: $id, expectedVersion: $v) { ${ARRANGEMENT_FIELDS} } }`;
export const APPROVE = `mutation($i: DecideSharingInput!) { approveSharing(input: $i) { ${ARRANGEMENT_FIELDS} } }`;
export const REJECT = `mutation($i: DecideSharingInput!) { rejectSharing(input: $i) { ${ARRANGEMENT_FIELDS} } }`;
export const REVOKE = `mutation($i: DecideSharingInput!) { revokeSharing(input: $i) { ${ARRANGEMENT_FIELDS} } }`;

export interface ClauseInput {
  topic: string;
  subject: string;
  value: string;
  locked?: boolean;
}

/**
 * Creates (first time) and publishes a policy version through the policies
 * API, in force now. GLOBAL when serviceKey is absent.
 */
export async function publishPolicy(t: TestServer, officer: string, key: string, clauses: ClauseInput[], serviceKey?: string): Promise<void> {
  const exists = (await t.gql('query($k: String!) { policy(key: $k) { id } }', { k: key }, officer)).data?.policy;
  if (!exists) {
    await expectOk(
      t.gql(
        'mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { id } }',
        { i: { key, title: key, scope: serviceKey ? 'SERVICE' : 'GLOBAL', ...(serviceKey ? { serviceKey } : {}) } },
        officer,
      ),
    );
  }
  const drafted = await expectOk(
    t.gql('mutation($k: String!, $c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $k, clauses: $c }) { number } }', { k: key, c: clauses }, officer),
  );
  await expectOk(
    t.gql(
      'mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number } }',
      { k: key, n: drafted.draftPolicyVersion.number, at: new Date().toISOString() },
      officer,
    ),
  );
}

/** A GLOBAL policy that allows everything the fixtures do, so each test can make one thing stricter. */
export const PERMISSIVE_GLOBAL: ClauseInput[] = [
  { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
  { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:third_party', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:public', value: 'ALLOWED' },
];

export const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

/** A fresh server with the team geo, an officer, a geo engineer and an auditor: where most suites start. */
export async function geoWorld(dialect: TestDialect): Promise<{ t: TestServer; officer: string; geo: string; auditor: string }> {
  const t = await startTestServer(dialect);
  await createTeams(t, 'geo');
  const officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
  const geo = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
  const auditor = await t.user('aud@x.test', ['AUDITOR']);
  return { t, officer, geo, auditor };
}
