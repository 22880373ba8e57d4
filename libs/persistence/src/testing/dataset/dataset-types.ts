import type * as Entities from '../../entities';
import type { AuditDraft } from './audit-chain';

export interface DatasetOptions {
  /** Number of services (default 5,000). Teams, processors and arrangements scale with it. */
  services?: number;
  seed?: string | number;
  /** The instant the dataset is built around (default: now, to the minute); the same seed and anchor give the same rows. */
  anchor?: Date;
  /** Share of services with a service policy (default 0.3). */
  servicePolicyShare?: number;
  /** Services generated (and written) together; the rows are the same whatever it is (default 1,000). */
  chunkSize?: number;
}

export interface DatasetLogin {
  email: string;
  roles: string[];
  /** A bearer API token, deterministic from the seed: for benchmarks and tests only. */
  token: string;
}

export interface DatasetLogins {
  admin: DatasetLogin;
  officers: DatasetLogin[];
  auditor: DatasetLogin;
  engineers: DatasetLogin[];
}

/** Rows of policies, their versions and clauses, with the audit events of their making. */
export interface PolicyRows {
  policies: Entities.PolicyEntity[];
  versions: Entities.PolicyVersionEntity[];
  clauses: Entities.PolicyClauseEntity[];
  audit: AuditDraft[];
}

/** The organisation-wide rows, written before any service. */
export interface OrganisationRows extends PolicyRows {
  teams: Entities.TeamEntity[];
  users: Entities.UserEntity[];
  members: Entities.TeamMemberEntity[];
  tokens: Entities.ApiTokenEntity[];
  logins: DatasetLogins;
  processors: Entities.ProcessorEntity[];
  globalPolicyKey: string;
}

/** The rows of a run of consecutive services, and the audit events of their history (not sorted). */
export interface ServiceChunkRows extends PolicyRows {
  services: Entities.ServiceEntity[];
  serviceKeysWithPolicy: string[];
  serviceKeysWithoutPolicy: string[];
  inventory: Entities.InventoryItemEntity[];
  conflicts: Entities.PolicyConflictEntity[];
  arrangements: Entities.SharingArrangementEntity[];
  revisions: Entities.SharingArrangementRevisionEntity[];
  approvals: Entities.SharingApprovalEntity[];
}

/** A whole organisation in memory, its audit events oldest first: for tests and small sizes. */
export interface DatasetRows extends OrganisationRows, Omit<ServiceChunkRows, keyof PolicyRows> {}

export const emptyServiceChunk = (): ServiceChunkRows => ({
  services: [],
  inventory: [],
  policies: [],
  versions: [],
  clauses: [],
  conflicts: [],
  arrangements: [],
  revisions: [],
  approvals: [],
  audit: [],
  serviceKeysWithPolicy: [],
  serviceKeysWithoutPolicy: [],
});
