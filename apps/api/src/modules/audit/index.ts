/**
 * The audit feature's face to the other features: every mutation appends its
 * one event with appendAuditEvent (insertAudited for a row it creates); AuditEvent is the GraphQL type others
 * extend (identity resolves its `actor`). Everything else is internal.
 */
export { appendAuditEvent, type AuditEntry, insertAudited } from './audit-log';
export { AuditEvent } from './audit.types';
export type { AuditContext } from './audit.context';
