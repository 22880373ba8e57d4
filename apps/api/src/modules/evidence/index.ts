/**
 * The evidence feature's face (DESIGN.md section 10): signed tree heads and
 * Merkle proofs over the audit log, the public key they verify with, and
 * evidence bundles as of an instant (GET /evidence/bundle).
 */
export { AuditEvidence } from './audit-evidence.app-service';
export { AuditSigningKey } from './audit-signing-key';
export { AUDIT_KEY_PATH, auditKeyRoute } from './audit-key.route';
export { EVIDENCE_BUNDLE_PATH, evidenceBundleRoute } from './evidence-bundle.route';
export { EvidenceBundles, type EvidenceSources } from './evidence-bundle.app-service';
export type { EvidenceContext } from './evidence.context';
