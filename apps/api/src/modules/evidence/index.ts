/**
 * The evidence feature's face (DESIGN.md section 10): signed tree heads and
 * Merkle proofs over the audit log, and the public key they verify with.
 */
export { AuditEvidence } from './audit-evidence.app-service';
export { AuditSigningKey } from './audit-signing-key';
export { AUDIT_KEY_PATH, auditKeyRoute } from './audit-key.route';
export type { EvidenceContext } from './evidence.context';
