import { createHash } from 'node:crypto';
import type { Taxonomy } from '@canopy/domain';
import type { UserEntity } from '../../entities';
import type { AuditDraft } from './audit-chain';
import { Random } from './random';

export const DAY = 86_400_000;
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const actor = (user: UserEntity) => ({ actorId: user.id, actorEmail: user.email });

/** The seeded source, the anchor and the taxonomy every part of the generator draws from, in one sequence. */
export class DatasetContext {
  readonly random: Random;

  constructor(
    readonly taxonomy: Taxonomy,
    seed: string | number,
    readonly anchor: Date,
  ) {
    this.random = new Random(seed);
  }

  /** The instant so many days before the anchor. */
  at(daysBeforeAnchor: number): Date {
    return new Date(this.anchor.getTime() - Math.round(daysBeforeAnchor * DAY));
  }

  between(from: Date, to: Date): Date {
    return new Date(from.getTime() + Math.floor(this.random.next() * Math.max(1, to.getTime() - from.getTime())));
  }
}

/** Where a part of the generator puts the audit events of what it made. */
export type AuditSink = AuditDraft[];
