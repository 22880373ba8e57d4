/**
 * The CLI's GraphQL operations, typed by codegen from apps/api/schema.graphql
 * (`nx run cli:codegen`; see graphql.ts). The types below are the generated
 * ones under the names the CLI uses.
 */
import type {
  CheckServiceManifestQuery,
  CurrentStateBaseFragment,
  FidesExportPageQuery,
  ProcessorStateFragment,
  RecordOfProcessingQuery,
  ServiceStateFragment,
} from '../gql/graphql';
import { assembled, graphql } from './graphql';

export type { Lifecycle, Severity, SharingStatus, InventoryItemInput } from '../gql/graphql';

export type ServiceState = ServiceStateFragment;
export type ProcessorState = ProcessorStateFragment;
export type InventoryItemData = ServiceState['inventory'][number];
export type PolicyVersionData = NonNullable<ServiceState['policy']>['versions'][number];
export type ClauseData = PolicyVersionData['clauses'][number];
export type ArrangementData = ServiceState['sharingArrangements'][number];
export type SubProcessorData = ProcessorState['subProcessors'][number];
export type ManifestCheckData = CheckServiceManifestQuery;
export type ManifestFindingData = ManifestCheckData['checkServiceManifest']['findings'][number];
export type RecordOfProcessingData = RecordOfProcessingQuery;
export type RopaActivity = RecordOfProcessingData['recordOfProcessing']['activities'][number];

export const SERVICE_STATE = graphql(`
  fragment ServiceState on Service {
    key name description lifecycle servesMinors version team { key }
    inventory { dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects }
    securityMeasures
    policy { key versions { number status clauses { topic subject value locked text } } }
    sharingArrangements { id status version processor { key } dataCategories purposes legalBasis }
  }
`);

export const PROCESSOR_STATE = graphql(`
  fragment ProcessorState on Processor {
    key name country contactEmail dpaSignedAt dpaExpiresAt dpaReference transferMechanism certifications
    subProcessors { name country purpose transferMechanism } version
  }
`);

export const CURRENT_STATE_BASE = graphql(`
  fragment CurrentStateBase on Query {
    viewer { email roles }
    teams { key }
    dataCategories { key }
    dataUses { key }
  }
`);

/** What CurrentState answers: the base fields, then `s<i>` per service and `p<i>` per processor asked for. */
export type CurrentStateData = CurrentStateBaseFragment & { [alias: `s${number}`]: ServiceState | null; [alias: `p${number}`]: ProcessorState | null };

/** One round trip for everything apply compares: services and processors by alias, plus the teams and the taxonomy. */
export function currentStateQuery(serviceCount: number, processorCount: number) {
  const vars = [
    ...Array.from({ length: serviceCount }, (_, i) => `$s${i}: String!`),
    ...Array.from({ length: processorCount }, (_, i) => `$p${i}: String!`),
  ];
  const fields = [
    ...Array.from({ length: serviceCount }, (_, i) => `s${i}: service(key: $s${i}) { ...ServiceState }`),
    ...Array.from({ length: processorCount }, (_, i) => `p${i}: processor(key: $p${i}) { ...ProcessorState }`),
  ];
  // A fragment the query does not spread is a validation error: only the ones used.
  const fragments = [CURRENT_STATE_BASE, ...(serviceCount ? [SERVICE_STATE] : []), ...(processorCount ? [PROCESSOR_STATE] : [])];
  return assembled<CurrentStateData, Record<string, string>>(`query CurrentState${vars.length ? `(${vars.join(', ')})` : ''} {
  ...CurrentStateBase
  ${fields.join('\n  ')}
}
${fragments.map(String).join('')}`);
}

export const VIEWER = graphql(`query Viewer { viewer { id email name roles teams { key name } } }`);

export const TAXONOMY = graphql(`query Taxonomy { dataCategories { key } dataUses { key } }`);

export const REGISTER_SERVICE = graphql(`mutation RegisterService($input: RegisterServiceInput!) { registerService(input: $input) { key version } }`);
export const UPDATE_SERVICE = graphql(`mutation UpdateService($input: UpdateServiceInput!) { updateService(input: $input) { key version } }`);
export const SET_INVENTORY = graphql(`mutation SetInventory($serviceKey: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $serviceKey, items: $items) { key } }`);
export const SET_SECURITY_MEASURES = graphql(
  `mutation SetSecurityMeasures($serviceKey: String!, $measures: [String!]!) { setSecurityMeasures(serviceKey: $serviceKey, measures: $measures) { key } }`,
);
export const CREATE_POLICY = graphql(`mutation CreatePolicy($input: CreatePolicyInput!) { createPolicy(input: $input) { key } }`);
export const DRAFT_POLICY_VERSION = graphql(`mutation DraftPolicyVersion($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { number status } }`);
export const PROPOSE_SHARING = graphql(`mutation ProposeSharing($input: ProposeSharingInput!) { proposeSharing(input: $input) { id version status } }`);
export const SUBMIT_SHARING = graphql(
  `mutation SubmitSharing($id: ID!, $expectedVersion: Int!) { submitSharing(id: $id, expectedVersion: $expectedVersion) { id version status } }`,
);
export const REGISTER_PROCESSOR = graphql(`mutation RegisterProcessor($input: RegisterProcessorInput!) { registerProcessor(input: $input) { key version } }`);
export const UPDATE_PROCESSOR = graphql(`mutation UpdateProcessor($input: UpdateProcessorInput!) { updateProcessor(input: $input) { key version } }`);

export const CHECK_SERVICE_MANIFEST = graphql(`query CheckServiceManifest($input: ServiceManifestInput!) {
  checkServiceManifest(input: $input) {
    serviceKey registered at
    findings { rule severity dataCategory message accepted acceptedUntil clause { topic subject value source policyKey policyVersion explanation } }
  }
}`);

export const RECORD_OF_PROCESSING = graphql(`query RecordOfProcessing($at: DateTime) {
  recordOfProcessing(at: $at) {
    at generatedAt
    homeRegion { name countries isDefault }
    controller { legalName address contactEmail dpoName dpoEmail euRepresentative validFrom }
    activities {
      serviceKey serviceName serviceDescription teamKey lifecycle purpose purposeName legalBases dataSubjects
      dataCategories { key name sensitive dataSubjects legalBasis source encryption }
      recipients { arrangementId processorKey processorName country outsideHomeRegion transferMechanism dataCategories legalBasis approvedAt }
      transfers { arrangementId processorKey recipient country restricted lawful basis reason }
      dpia { required criteria status assessmentId approvedAt reviewDueAt statusReason summary }
      erasureTimeLimits { dataCategory retentionDays policyLimit description }
      securityMeasures gaps
    }
  }
}`);

export const VERIFY_AUDIT_LOG = graphql(`query VerifyAuditLog { verifyAuditLog { ok checkedEvents firstBrokenSeq headSeq headHash } }`);

/** One page of services with what `canopy export fides` writes (ordered by key). */
export const FIDES_EXPORT_PAGE = graphql(`query FidesExportPage($after: String) {
  services(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      key name description lifecycle servesMinors team { key name } securityMeasures
      inventory { dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects }
    } }
  }
}`);
export type FidesExportPage = FidesExportPageQuery;
export type ExportedService = FidesExportPage['services']['edges'][number]['node'];
