import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DELIVERY_STATUSES, OUTBOX_KINDS, type DeliveryStatus, type OutboxKind } from '@canopy/persistence';
import { registerDomainEnum } from '../../common/graphql-enums';

export const DeliveryStatusEnum = registerDomainEnum('DeliveryStatus', DELIVERY_STATUSES);
export type DeliveryStatusEnum = DeliveryStatus;

export const OutboxKindEnum = registerDomainEnum('OutboxKind', OUTBOX_KINDS);
export type OutboxKindEnum = OutboxKind;

/** Where one delivery stands: fields the delivery types extend (never referenced, so not in the schema itself). */
@ObjectType()
export abstract class DeliveryState {
  @Field(() => DeliveryStatusEnum) status: DeliveryStatusEnum;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
}

@ObjectType({ description: 'An outbound message (e-mail or webhook delivery) as the outbox holds it. ADMIN.' })
export class OutboxMessage {
  @Field(() => ID) id: string;
  @Field({ description: "Stable across attempts and replays: the e-mail's Message-ID, the webhook event's id." }) messageId: string;
  @Field(() => OutboxKindEnum) kind: OutboxKindEnum;
  @Field(() => String, { nullable: true, description: 'The notification event, e.g. notice.issued.' }) event: string | null;
  @Field({ description: 'An e-mail address, or the webhook URL.' }) recipient: string;
  @Field(() => String, { nullable: true }) subject: string | null;
  @Field(() => DeliveryStatusEnum) status: DeliveryStatusEnum;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'Why a PENDING message is not being sent, e.g. no SMTP server configured.' }) waitingReason: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { description: 'When it is (or was last) due.' }) nextAttemptAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
}
