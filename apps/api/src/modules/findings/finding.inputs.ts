import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Severity } from '../../common/graphql-enums';

@InputType({ description: 'Accepts the findings of one rule and data category of a service (null category: those without one).' })
export class AcceptFindingInput {
  @Field() serviceKey: string;
  @Field({ description: 'the finding\'s rule id, e.g. RETENTION_EXCEEDED' }) @MaxLength(40) rule: string;
  @Field(() => String, { nullable: true }) @MaxLength(128) dataCategory?: string | null;
  @Field({ description: 'why the departure is accepted; required, non-blank' }) @MaxLength(4000) rationale: string;
  @Field(() => Date, { description: 'in the future, at most three years ahead' }) expiresAt: Date;
}

@InputType({ description: 'Narrows findingsConnection; every field set must hold.' })
export class FindingFilter {
  @Field(() => String, { nullable: true }) @MaxLength(200) serviceKey?: string | null;
  @Field(() => Severity, { nullable: true, description: 'this severity or a more severe one' }) minSeverity?: Severity | null;
  @Field(() => String, { nullable: true, description: "the finding's rule id, e.g. RETENTION_EXCEEDED" }) @MaxLength(40) rule?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only accepted ones; false: only open ones' }) accepted?: boolean | null;
}
