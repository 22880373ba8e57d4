import { Field, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';

@ObjectType({ description: 'An entry of the adequacy register (GDPR Art. 45): never rewritten; it takes effect at max(validFrom, recordedAt).' })
export class AdequacyDecision {
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => Date) validFrom: Date;
  @Field(() => Date, { nullable: true, description: 'exclusive; null: open ended' }) validUntil: Date | null;
  @Field(() => String, { nullable: true, description: 'a partial decision: DPF_CERTIFIED, COMMERCIAL_ORGANISATIONS or PRIVATE_SECTOR; null: the whole country' })
  scope: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date) recordedAt: Date;
}

@InputType()
export class AdequacyDecisionInput {
  @Field({ description: 'ISO 3166-1 alpha-2' }) @MaxLength(10) country: string;
  @Field(() => Date) validFrom: Date;
  @Field(() => Date, { nullable: true, description: 'exclusive; a withdrawal is an entry ending at the withdrawal' }) validUntil?: Date | null;
  @Field(() => String, { nullable: true }) @MaxLength(40) scope?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(1000) note?: string | null;
}
