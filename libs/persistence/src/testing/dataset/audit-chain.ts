import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AuditEventEntity } from '../../entities';

/** An audit event before it has its place in the chain. */
export interface AuditDraft {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON values only (dates as ISO strings): what is hashed is what is stored. */
  before?: unknown;
  after?: unknown;
}

const canonical = (value: unknown): string => canonicalize(value) ?? 'null';

/**
 * Chains drafts (oldest first) onto the head (seq, hash) exactly as the API
 * does (apps/api/src/modules/audit/audit-hash.ts): hash = sha256(prevHash ||
 * RFC 8785 canonical JSON of { seq, at, actorId, actorEmail, action,
 * entityType, entityId, before, after }), before/after stored as that same
 * canonical JSON. The API's verifyAuditLog checks the result; keep the two in
 * step if either changes.
 */
export function chainAuditEvents(head: { seq: number; hash: string }, drafts: readonly AuditDraft[]): { events: AuditEventEntity[]; head: { seq: number; hash: string } } {
  let seq = head.seq;
  let prevHash = head.hash;
  const events: AuditEventEntity[] = [];
  for (const draft of drafts) {
    seq++;
    const before = draft.before === undefined ? null : draft.before;
    const after = draft.after === undefined ? null : draft.after;
    const record = {
      seq,
      at: draft.at.toISOString(),
      actorId: draft.actorId,
      actorEmail: draft.actorEmail,
      action: draft.action,
      entityType: draft.entityType,
      entityId: draft.entityId,
      before,
      after,
    };
    const hash = createHash('sha256').update(prevHash).update(canonical(record)).digest('hex');
    events.push(
      Object.assign(new AuditEventEntity(), {
        seq,
        at: draft.at,
        actorId: draft.actorId,
        actorEmail: draft.actorEmail,
        action: draft.action,
        entityType: draft.entityType,
        entityId: draft.entityId,
        before: before === null ? null : canonical(before),
        after: after === null ? null : canonical(after),
        prevHash,
        hash,
      }),
    );
    prevHash = hash;
  }
  return { events, head: { seq, hash: prevHash } };
}
