import { canonicalJson as canonical, chainHash } from '@canopy/evidence';
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

/**
 * Chains drafts (oldest first) onto the head (seq, hash) with the API's own
 * hash (@canopy/evidence chainHash), before/after stored as their canonical
 * JSON, as the API's appendAuditEvent stores them.
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
    const hash = chainHash(prevHash, record);
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
