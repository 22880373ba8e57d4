/**
 * The GraphQL operations the benchmark, the publish benchmark and the soak
 * test share, typed by codegen from apps/api/schema.graphql (see graphql.ts).
 * The measured workloads are in workloads.ts.
 */
import { graphql } from './graphql';

export type { InventoryItemInput } from '../gql/graphql';

export const CREATE_TEAM = graphql(`mutation CreateTeam($key: String!, $name: String!) { createTeam(key: $key, name: $name) { key } }`);
export const CREATE_USER = graphql(`mutation CreateUser($email: String!, $name: String!, $roles: [Role!]!) { createUser(email: $email, name: $name, roles: $roles) { id } }`);
export const CREATE_API_TOKEN = graphql(`mutation CreateApiToken($name: String!, $userEmail: String) { createApiToken(name: $name, userEmail: $userEmail) { token } }`);
export const VIEWER_EMAIL = graphql(`query ViewerEmail { viewer { email } }`);

export const CREATE_GLOBAL_POLICY = graphql(`mutation CreateGlobalPolicy($key: String!, $title: String!) { createPolicy(input: { key: $key, title: $title, scope: GLOBAL }) { key } }`);
export const DRAFT_POLICY_VERSION = graphql(
  `mutation DraftPolicyVersion($policyKey: String!, $clauses: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $policyKey, clauses: $clauses }) { number } }`,
);
export const PUBLISH_POLICY_VERSION = graphql(
  `mutation PublishPolicyVersion($policyKey: String!, $number: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $policyKey, number: $number, effectiveAt: $at }) { number } }`,
);
export const CURRENT_POLICY_VERSION = graphql(`query CurrentPolicyVersion($key: String!) { policy(key: $key) { currentVersion { number clauses { topic subject value locked text } } } }`);
export const OPEN_CONFLICTS = graphql(`query OpenConflicts { conflicts(status: OPEN) { id } }`);

export const REGISTER_SERVICE = graphql(`mutation RegisterService($input: RegisterServiceInput!) { registerService(input: $input) { key version } }`);
export const UPDATE_SERVICE = graphql(`mutation UpdateService($input: UpdateServiceInput!) { updateService(input: $input) { key version } }`);
export const SET_INVENTORY = graphql(`mutation SetInventory($serviceKey: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $serviceKey, items: $items) { key } }`);
export const SERVICE_RETENTIONS = graphql(`query ServiceRetentions($key: String!) { service(key: $key) { inventory { retentionDays } } }`);
export const INVENTORIES = graphql(`query Inventories($after: String) { services(first: 200, after: $after) { pageInfo { endCursor }
      edges { node { key inventory { dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible } } } } }`);

export const APPROVE_SHARING = graphql(
  `mutation ApproveSharing($id: ID!, $v: Int!) { approveSharing(input: { id: $id, expectedVersion: $v, comment: "benchmark" }) { id version status } }`,
);
export const PENDING_ARRANGEMENTS = graphql(`query PendingArrangements { sharingArrangements(status: PENDING_REVIEW) { id version checks { name passed } } }`);
export const ARRANGEMENT_APPROVALS = graphql(`query ArrangementApprovals($id: ID!) { sharingArrangement(id: $id) { version approvals { approver { email } } } }`);

export const AUDIT_COUNT = graphql(`query AuditCount { auditEvents(first: 1) { totalCount } }`);
export const AUDIT_HEAD = graphql(`query AuditHead { verifyAuditLog { ok checkedEvents firstBrokenSeq headSeq } }`);
export const AUDIT_EVENTS_FROM = graphql(
  `query AuditEventsFrom($from: DateTime!, $after: String) { auditEvents(first: 500, after: $after, filter: { from: $from }) { pageInfo { hasNextPage endCursor } edges { node { seq action entityId } } } }`,
);
