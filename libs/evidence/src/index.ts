/**
 * @canopy/evidence: what lets an auditor check Canopy without trusting it
 * (DESIGN.md section 10). The audit event hash, RFC 9162 Merkle trees and
 * proofs over the audit log, Ed25519 signed tree heads, evidence bundles and
 * their verification. Pure: Node's crypto, no I/O, no API, no database.
 */
export * from './bytes';
export * from './audit';
export * from './merkle';
export * from './signing';
export * from './bundle';
