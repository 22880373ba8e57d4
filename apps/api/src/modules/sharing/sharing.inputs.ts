import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, MaxLength, Min } from 'class-validator';
import { LegalBasis } from '../../common/graphql-enums';

@InputType()
export class ProposeSharingInput {
  @Field() serviceKey: string;
  @Field() processorKey: string;
  @Field(() => [String]) @ArrayMaxSize(100) @MaxLength(128, { each: true }) dataCategories: string[];
  @Field(() => [String]) @ArrayMaxSize(50) @MaxLength(128, { each: true }) purposes: string[];
  @Field(() => LegalBasis) legalBasis: LegalBasis;
}

@InputType({ description: 'Changes a DRAFT arrangement; omitted fields stay as they are.' })
export class UpdateSharingInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @Min(1) expectedVersion: number;
  @Field(() => [String], { nullable: true }) @ArrayMaxSize(100) @MaxLength(128, { each: true }) dataCategories?: string[] | null;
  @Field(() => [String], { nullable: true }) @ArrayMaxSize(50) @MaxLength(128, { each: true }) purposes?: string[] | null;
  @Field(() => LegalBasis, { nullable: true }) legalBasis?: LegalBasis | null;
}

@InputType()
export class DecideSharingInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'required (non-blank) to reject or revoke' }) @MaxLength(2000) comment?: string | null;
}
