import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { JSONScalar } from '../../common/scalars';
import { PageInfo } from '../../common/connection.types';

@ObjectType()
export class AuditEvent {
  @Field(() => Int, { description: 'gap-free, strictly increasing' }) seq: number;
  @Field(() => Date) at: Date;
  @Field({ description: 'e.g. service.registered, conflict.resolved, sharing.approved' }) action: string;
  @Field() entityType: string;
  @Field() entityId: string;
  @Field(() => JSONScalar, { nullable: true }) before: unknown;
  @Field(() => JSONScalar, { nullable: true }) after: unknown;
  @Field({ description: "hex sha-256 chained over the previous event's hash" }) hash: string;
  /** The `actor` field is resolved by the identity feature, which owns users. */
  actorId: string | null;
}

@ObjectType()
export class AuditEventEdge {
  @Field() cursor: string;
  @Field(() => AuditEvent) node: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true }) @MaxLength(50) entityType?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(100) entityId?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(254) actorEmail?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(100) action?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}

@ObjectType()
export class AuditVerification {
  @Field() ok: boolean;
  @Field(() => Int) checkedEvents: number;
  @Field(() => Int, { nullable: true, description: 'the first event whose hash or sequence does not verify' })
  firstBrokenSeq: number | null;
  @Field(() => Int, { nullable: true, description: 'the newest event: record (headSeq, headHash) outside Canopy' })
  headSeq: number | null;
  @Field(() => String, { nullable: true }) headHash: string | null;
}
