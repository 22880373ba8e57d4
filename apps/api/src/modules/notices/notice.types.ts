import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { DeliveryState } from '../outbox';
import { NoticeChannel } from '../policies';

@ObjectType()
export class NoticeDelivery extends DeliveryState {
  @Field(() => NoticeChannel) channel: NoticeChannel;
  @Field({ description: 'an e-mail address, or "homepage" for the banner feed' }) recipient: string;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
}

@ObjectType({ description: 'A notice Canopy issued for a policy version (DESIGN.md section 8).' })
export class Notice {
  @Field(() => ID) id: string;
  @Field(() => [NoticeChannel]) channels: NoticeChannel[];
  @Field(() => Date, { description: "the server's clock" }) issuedAt: Date;
  @Field(() => Date) plannedEffectiveAt: Date;
  @Field({ description: 'generated: what gets weaker, the planned date, then the officer\'s message' }) text: string;
  @Field({ description: 'the version was drafted again after this notice' }) voided: boolean;
  policyVersionId: string;
  issuedById: string | null;
}

@InputType()
export class IssueNoticeInput {
  @Field(() => ID) policyVersionId: string;
  @Field(() => [NoticeChannel]) @ArrayMaxSize(10) channels: NoticeChannel[];
  @Field(() => Date) plannedEffectiveAt: Date;
  @Field(() => String, { nullable: true, description: 'at most 4000 characters' }) @MaxLength(4000) message?: string | null;
}
