import { In, MoreThan } from 'typeorm';
import { OutboxKind, OutboxMessageEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';

export interface ClaimRequest {
  owner: string;
  kinds: readonly OutboxKind[];
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Claims due messages with a committed lease (DESIGN.md section 8): an UPDATE
 * that sets owner and lease expiry where the lease is free or expired, in a
 * transaction of its own, then a read of what this owner holds. Plain SQL on
 * primary keys, no SELECT ... FOR UPDATE SKIP LOCKED: two dispatchers racing
 * for a row both run the UPDATE, the second finds the lease taken and
 * changes nothing (on Galera the loser's commit fails certification; it
 * claims again at its next poll). The claim counts an attempt.
 */
export async function claimDue(db: Database, request: ClaimRequest): Promise<OutboxMessageEntity[]> {
  const { owner, kinds, now, leaseMs, limit } = request;
  if (!kinds.length) return [];
  const due = await db.manager
    .createQueryBuilder(OutboxMessageEntity, 'm')
    .select('m.id')
    .where('m.status = :pending', { pending: 'PENDING' })
    .andWhere('m.kind IN (:...kinds)', { kinds })
    .andWhere('m.nextAttemptAt <= :now', { now })
    .andWhere('(m.leaseExpiresAt IS NULL OR m.leaseExpiresAt <= :now)', { now })
    .orderBy('m.nextAttemptAt', 'ASC')
    .limit(limit)
    .getMany();
  if (!due.length) return [];
  await db.write((tx) =>
    tx
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), attempts: () => 'attempts + 1' })
      .where('id IN (:...ids)', { ids: due.map((m) => m.id) })
      .andWhere('status = :pending', { pending: 'PENDING' })
      .andWhere('(lease_expires_at IS NULL OR lease_expires_at <= :now)', { now })
      .execute(),
  );
  return db.manager.find(OutboxMessageEntity, {
    where: { leaseOwner: owner, status: 'PENDING', leaseExpiresAt: MoreThan(now) },
    order: { nextAttemptAt: 'ASC' },
  });
}

export type Outcome =
  | { id: string; sent: true }
  | { id: string; sent: false; error: string; final: boolean; retryAt: Date | null };

/**
 * Records what happened to claimed messages, in one transaction. Each update
 * holds only while this owner still holds the lease: a message whose lease
 * ran out mid-send belongs to whoever claimed it since (it is sent again:
 * at least once). The owner stays on the row as the one that last handled it.
 */
export async function recordOutcomes(db: Database, owner: string, outcomes: readonly Outcome[], now: Date): Promise<void> {
  if (!outcomes.length) return;
  await db.write(async (tx) => {
    const sent = outcomes.filter((o) => o.sent).map((o) => o.id);
    if (sent.length) {
      await tx.update(OutboxMessageEntity, { id: In(sent), leaseOwner: owner, status: 'PENDING' }, { status: 'SENT', sentAt: now, leaseExpiresAt: null });
    }
    for (const outcome of outcomes) {
      if (outcome.sent) continue;
      await tx.update(
        OutboxMessageEntity,
        { id: outcome.id, leaseOwner: owner, status: 'PENDING' },
        outcome.final
          ? { status: 'FAILED', lastError: outcome.error.slice(0, 1000), leaseExpiresAt: null }
          : { lastError: outcome.error.slice(0, 1000), nextAttemptAt: outcome.retryAt ?? now, leaseExpiresAt: null },
      );
    }
  });
}
