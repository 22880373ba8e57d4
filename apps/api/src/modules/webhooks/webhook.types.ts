import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DeliveryStatusEnum } from '../outbox';

@ObjectType({ description: 'A receiver of notification events. ADMIN.' })
export class Webhook {
  @Field(() => ID) id: string;
  @Field() url: string;
  @Field(() => [String], { description: 'conflict.opened, sharing.submitted, sharing.decided, notice.issued, policy.published' }) events: string[];
  @Field() active: boolean;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class WebhookCreated {
  @Field(() => Webhook) webhook: Webhook;
  @Field({ description: 'Keys the Canopy-Signature HMAC of every delivery. Shown once.' }) secret: string;
}

@ObjectType({ description: 'One delivery of an event to a webhook: the delivery log.' })
export class WebhookDelivery {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. sharing.submitted' }) event: string;
  @Field(() => DeliveryStatusEnum) status: DeliveryStatusEnum;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
}
