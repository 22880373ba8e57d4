import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';

@InputType({ description: 'Accepts the findings of one rule and data category of a service (null category: those without one).' })
export class AcceptFindingInput {
  @Field() serviceKey: string;
  @Field({ description: 'the finding\'s rule id, e.g. RETENTION_EXCEEDED' }) @MaxLength(40) rule: string;
  @Field(() => String, { nullable: true }) @MaxLength(128) dataCategory?: string | null;
  @Field({ description: 'why the departure is accepted; required, non-blank' }) @MaxLength(4000) rationale: string;
  @Field(() => Date, { description: 'in the future, at most three years ahead' }) expiresAt: Date;
}
