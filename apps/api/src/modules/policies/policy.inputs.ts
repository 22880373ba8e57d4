import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { ClauseTopic, NoticeChannel, PolicyScope, Resolution } from './policy.enums';

@InputType()
export class ClauseInput {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() @MaxLength(250) subject: string;
  @Field() @MaxLength(40) value: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) locked?: boolean | null;
  @Field(() => String, { nullable: true }) @MaxLength(4000) text?: string | null;
}

@InputType()
export class CreatePolicyInput {
  @Field() key: string;
  @Field() @MaxLength(200) title: string;
  @Field(() => PolicyScope) scope: PolicyScope;
  @Field(() => String, { nullable: true, description: 'required when scope is SERVICE, forbidden otherwise' })
  serviceKey?: string | null;
}

@InputType()
export class DraftPolicyVersionInput {
  @Field() policyKey: string;
  @Field(() => [ClauseInput], { description: 'the whole clause set of the new version' })
  @ArrayMaxSize(2000)
  clauses: ClauseInput[];
}

@InputType()
export class AmendmentNoticeInput {
  @Field(() => [NoticeChannel]) channels: NoticeChannel[];
  @Field(() => Date) noticeAt: Date;
  @Field(() => String, { nullable: true, description: 'required for a notice sent outside Canopy (NOTICE_REQUIRED without it)' })
  @MaxLength(2000)
  evidence?: string | null;
}

@InputType()
export class PublishPolicyVersionInput {
  @Field() policyKey: string;
  @Field(() => Int) number: number;
  @Field(() => Date) effectiveAt: Date;
  @Field(() => AmendmentNoticeInput, { nullable: true, description: 'required when the version is a material reduction' })
  notice?: AmendmentNoticeInput | null;
}

@InputType()
export class ResolveConflictInput {
  @Field(() => ID) conflictId: string;
  @Field(() => Resolution) resolution: Resolution;
  @Field({ description: 'required, non-blank' }) @MaxLength(4000) rationale: string;
}
