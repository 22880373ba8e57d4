/**
 * The audit feature's face to the other features: every mutation appends its
 * one event with appendAuditEvent (insertAudited for a row it creates); AuditEvent is the GraphQL type others
 * extend (identity resolves its `actor`); the Merkle tree's stored subtrees
 * the evidence feature proves from. Everything else is internal.
 */
export { appendAuditEvent, type AuditEntry, insertAudited, recordOf } from './audit-log';
export { AuditEvent } from './audit.types';
export { AuditSubtreeStore } from './audit-subtree.store';
export { auditTreeSizes, catchUpAuditTree, extendAuditTree, storeAuditTreeUpTo } from './audit-tree.sync';
export type { AuditContext } from './audit.context';
