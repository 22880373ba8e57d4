/* GraphQL fixture steps shared by the integration specs (the world builder in world.ts composes them). */
import type { TestServer } from './test-server';

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

/** Location by device permission under contract, of customers: the item of the record-of-processing and manifest-check suites. */
export const LOCATION_ITEM = item('device.location', { source: 'DEVICE_PERMISSION', legalBasis: 'CONTRACT', dataSubjects: ['customers'] });

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

export type ArrangementStatus = 'DRAFT' | 'PENDING_REVIEW' | 'APPROVED' | 'REJECTED' | 'REVOKED' | 'WITHDRAWN';
export const ARRANGEMENT_STATUSES: ArrangementStatus[] = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'REVOKED', 'WITHDRAWN'];
export type ArrangementStep = 'submit' | 'approve' | 'reject' | 'revoke' | 'withdraw';

/** The steps that bring a new DRAFT arrangement (one approval required) to each status. */
export const STEPS_TO: Record<ArrangementStatus, ArrangementStep[]> = {
  DRAFT: [],
  PENDING_REVIEW: ['submit'],
  APPROVED: ['submit', 'approve'],
  REJECTED: ['submit', 'reject'],
  REVOKED: ['submit', 'approve', 'revoke'],
  WITHDRAWN: ['withdraw'],
};

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

export const DRAFT_VERSION = 'mutation($k: String!, $c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $k, clauses: $c }) { number } }';
export const PUBLISH_VERSION = 'mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number } }';

/** Drafting and publishing whose outcome a suite asserts, as the officer of `as` unless told (effective now unless told). */
export function policySteps(t: TestServer, as: { officer: string }) {
  return {
    draft: (policyKey: string, clauses: ClauseInput[], token = as.officer) => t.gql(DRAFT_VERSION, { k: policyKey, c: clauses }, token),
    publish: (policyKey: string, number: number, at = new Date().toISOString(), token = as.officer) => t.gql(PUBLISH_VERSION, { k: policyKey, n: number, at }, token),
  };
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
  const { draft, publish } = policySteps(t, { officer });
  const drafted = await expectOk(draft(key, clauses));
  await expectOk(publish(key, drafted.draftPolicyVersion.number));
}

/** A GLOBAL policy that allows everything the fixtures do, so each test can make one thing stricter. */
export const PERMISSIVE_GLOBAL: ClauseInput[] = [
  { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
  { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:third_party', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:public', value: 'ALLOWED' },
];

/** Collection and use allowed, device logs kept 90 days at most: a service keeping them longer has a RETENTION_EXCEEDED finding. */
export const RETENTION_90_GLOBAL: ClauseInput[] = [
  { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
  { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
  { topic: 'RETENTION', subject: 'device.log', value: '90' },
];

export const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

/** The global policy the scale tests measure bulk services against (bulk-compliance.ts): every kind of finding fires. */
export const BULK_GLOBAL: ClauseInput[] = [
  { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
  { topic: 'COLLECTION', subject: 'device.camera', value: 'CONSENT' },
  { topic: 'USE', subject: '*:service', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' },
  { topic: 'SHARING', subject: 'user.content.image:public', value: 'CONSENT' },
  { topic: 'RETENTION', subject: '*', value: '365' },
  { topic: 'RETENTION', subject: 'device.log', value: '90' },
  { topic: 'ENCRYPTION', subject: 'user.contact', value: 'AT_REST_AND_IN_TRANSIT' },
  { topic: 'COMMUNICATION', subject: 'marketing.email', value: 'OPT_IN' },
];
