import type { RequestContext } from '../../auth/request-context';
import type { AuditEvidence } from './audit-evidence.app-service';

/** What the evidence feature's resolvers use of their request. */
export type EvidenceContext = RequestContext<{ evidence: AuditEvidence }, { now: Date }>;
