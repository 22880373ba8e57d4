/**
 * The CLI's GraphQL operations, as plain strings typed by hand (the CLI talks
 * to the API only over GraphQL and needs no codegen for a dozen operations).
 * Field names follow apps/api/schema.graphql.
 */

export type Lifecycle = 'PLANNED' | 'ACTIVE' | 'DEPRECATED' | 'RETIRED';
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type SharingStatus = 'DRAFT' | 'PENDING_REVIEW' | 'APPROVED' | 'REJECTED' | 'REVOKED' | 'WITHDRAWN';

export interface InventoryItemData {
  dataCategory: string;
  purposes: string[];
  source: string;
  devicePermission: string | null;
  legalBasis: string;
  retentionDays: number | null;
  encryption: string;
  publiclyVisible: boolean;
  dataSubjects: string[];
}

export interface ClauseData {
  topic: string;
  subject: string;
  value: string;
  locked: boolean;
  text: string | null;
}

export interface PolicyVersionData {
  number: number;
  status: 'DRAFT' | 'PUBLISHED';
  clauses: ClauseData[];
}

export interface ArrangementData {
  id: string;
  status: SharingStatus;
  version: number;
  processor: { key: string };
  dataCategories: string[];
  purposes: string[];
  legalBasis: string;
}

export interface ServiceState {
  key: string;
  name: string;
  description: string | null;
  lifecycle: Lifecycle;
  servesMinors: boolean;
  version: number;
  team: { key: string };
  inventory: InventoryItemData[];
  securityMeasures: string[];
  policy: { key: string; versions: PolicyVersionData[] } | null;
  sharingArrangements: ArrangementData[];
}

export interface SubProcessorData {
  name: string;
  country: string;
  purpose: string | null;
}

export interface ProcessorState {
  key: string;
  name: string;
  country: string;
  contactEmail: string | null;
  dpaSignedAt: string | null;
  dpaExpiresAt: string | null;
  dpaReference: string | null;
  transferMechanism: string | null;
  certifications: string[];
  subProcessors: SubProcessorData[];
  version: number;
}

export const SERVICE_FIELDS = `
  key name description lifecycle servesMinors version team { key }
  inventory { dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects }
  securityMeasures
  policy { key versions { number status clauses { topic subject value locked text } } }
  sharingArrangements { id status version processor { key } dataCategories purposes legalBasis }`;

export const PROCESSOR_FIELDS = `
  key name country contactEmail dpaSignedAt dpaExpiresAt dpaReference transferMechanism certifications
  subProcessors { name country purpose } version`;

/** One round trip for everything apply compares: services and processors by alias, plus the taxonomy. */
export function currentStateQuery(serviceCount: number, processorCount: number): string {
  const vars = [
    ...Array.from({ length: serviceCount }, (_, i) => `$s${i}: String!`),
    ...Array.from({ length: processorCount }, (_, i) => `$p${i}: String!`),
  ];
  const fields = [
    ...Array.from({ length: serviceCount }, (_, i) => `s${i}: service(key: $s${i}) { ${SERVICE_FIELDS} }`),
    ...Array.from({ length: processorCount }, (_, i) => `p${i}: processor(key: $p${i}) { ${PROCESSOR_FIELDS} }`),
  ];
  return `query CurrentState${vars.length ? `(${vars.join(', ')})` : ''} {
  viewer { email roles }
  teams { key }
  dataCategories { key }
  dataUses { key }
  ${fields.join('\n  ')}
}`;
}

export const VIEWER = `query Viewer { viewer { id email name roles teams { key name } } }`;
export interface ViewerData {
  viewer: { id: string; email: string; name: string; roles: string[]; teams: { key: string; name: string }[] } | null;
}

export const TAXONOMY = `query Taxonomy { dataCategories { key } dataUses { key } }`;
export interface TaxonomyData {
  dataCategories: { key: string }[];
  dataUses: { key: string }[];
}

export const REGISTER_SERVICE = `mutation RegisterService($input: RegisterServiceInput!) { registerService(input: $input) { key version } }`;
export const UPDATE_SERVICE = `mutation UpdateService($input: UpdateServiceInput!) { updateService(input: $input) { key version } }`;
export const SET_INVENTORY = `mutation SetInventory($serviceKey: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $serviceKey, items: $items) { key } }`;
export const SET_SECURITY_MEASURES = `mutation SetSecurityMeasures($serviceKey: String!, $measures: [String!]!) { setSecurityMeasures(serviceKey: $serviceKey, measures: $measures) { key } }`;
export const CREATE_POLICY = `mutation CreatePolicy($input: CreatePolicyInput!) { createPolicy(input: $input) { key } }`;
export const DRAFT_POLICY_VERSION = `mutation DraftPolicyVersion($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { number status } }`;
export const PROPOSE_SHARING = `mutation ProposeSharing($input: ProposeSharingInput!) { proposeSharing(input: $input) { id version status } }`;
export const SUBMIT_SHARING = `mutation SubmitSharing($id: ID!, $expectedVersion: Int!) { submitSharing(id: $id, expectedVersion: $expectedVersion) { id version status } }`;
export interface ArrangementRef {
  id: string;
  version: number;
  status: SharingStatus;
}
export const REGISTER_PROCESSOR = `mutation RegisterProcessor($input: RegisterProcessorInput!) { registerProcessor(input: $input) { key version } }`;
export const UPDATE_PROCESSOR = `mutation UpdateProcessor($input: UpdateProcessorInput!) { updateProcessor(input: $input) { key version } }`;

export const CLAUSE_FIELDS = `topic subject value source policyKey policyVersion explanation`;
export const CHECK_SERVICE_MANIFEST = `query CheckServiceManifest($input: ServiceManifestInput!) {
  checkServiceManifest(input: $input) {
    serviceKey registered at
    findings { rule severity dataCategory message accepted acceptedUntil clause { ${CLAUSE_FIELDS} } }
  }
}`;
export interface ManifestFindingData {
  rule: string;
  severity: Severity;
  dataCategory: string | null;
  message: string;
  accepted: boolean;
  acceptedUntil: string | null;
  clause: { topic: string; subject: string; value: string; source: string; policyKey: string; policyVersion: number; explanation: string } | null;
}
export interface ManifestCheckData {
  checkServiceManifest: { serviceKey: string; registered: boolean; at: string; findings: ManifestFindingData[] };
}

export const RECORD_OF_PROCESSING = `query RecordOfProcessing($at: DateTime) {
  recordOfProcessing(at: $at) {
    at generatedAt
    homeRegion { name countries isDefault }
    activities {
      serviceKey serviceName serviceDescription teamKey lifecycle purpose purposeName legalBases dataSubjects
      dataCategories { key name sensitive dataSubjects legalBasis source encryption }
      recipients { arrangementId processorKey processorName country outsideHomeRegion transferMechanism dataCategories legalBasis approvedAt }
      erasureTimeLimits { dataCategory retentionDays policyLimit description }
      securityMeasures gaps
    }
  }
}`;
export interface RopaActivity {
  serviceKey: string;
  serviceName: string;
  serviceDescription: string | null;
  teamKey: string;
  lifecycle: string;
  purpose: string;
  purposeName: string;
  legalBases: string[];
  dataSubjects: string[];
  dataCategories: { key: string; name: string; sensitive: boolean; dataSubjects: string[]; legalBasis: string; source: string; encryption: string }[];
  recipients: {
    arrangementId: string;
    processorKey: string;
    processorName: string;
    country: string;
    outsideHomeRegion: boolean;
    transferMechanism: string | null;
    dataCategories: string[];
    legalBasis: string;
    approvedAt: string | null;
  }[];
  erasureTimeLimits: { dataCategory: string; retentionDays: number | null; policyLimit: string | null; description: string }[];
  securityMeasures: string[];
  gaps: string[];
}
export interface RecordOfProcessingData {
  recordOfProcessing: {
    at: string;
    generatedAt: string;
    homeRegion: { name: string; countries: string[]; isDefault: boolean };
    activities: RopaActivity[];
  };
}

export const VERIFY_AUDIT_LOG = `query VerifyAuditLog { verifyAuditLog { ok checkedEvents firstBrokenSeq headSeq headHash } }`;
export interface VerifyAuditLogData {
  verifyAuditLog: { ok: boolean; checkedEvents: number; firstBrokenSeq: number | null; headSeq: number | null; headHash: string | null };
}
