import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, MaxLength, Min } from 'class-validator';
import { MAX_ANSWER_LENGTH, MAX_RISK_TEXT_LENGTH, MAX_RISKS } from '@canopy/domain';
import { AssessmentKind, RiskLevel } from './assessment.types';

@InputType()
export class AssessmentAnswerInput {
  @Field() @MaxLength(200) questionId: string;
  @Field() @MaxLength(MAX_ANSWER_LENGTH) answer: string;
}

@InputType()
export class AssessmentRiskInput {
  @Field() @MaxLength(MAX_RISK_TEXT_LENGTH) description: string;
  @Field(() => RiskLevel) likelihood: RiskLevel;
  @Field(() => RiskLevel) severity: RiskLevel;
  @Field() @MaxLength(MAX_RISK_TEXT_LENGTH) mitigation: string;
  @Field(() => RiskLevel) residual: RiskLevel;
}

@InputType({ description: 'A new DRAFT assessment on the latest questionnaire of its kind; questions may stay blank until submission.' })
export class DraftAssessmentInput {
  @Field(() => AssessmentKind) kind: AssessmentKind;
  @Field() @MaxLength(63) serviceKey: string;
  @Field(() => ID, { nullable: true, description: 'TIA: the arrangement assessed, one of the service\'s' }) sharingArrangementId?: string | null;
  @Field(() => [AssessmentAnswerInput]) @ArrayMaxSize(200) answers: AssessmentAnswerInput[];
  @Field(() => [AssessmentRiskInput]) @ArrayMaxSize(MAX_RISKS + 1) risks: AssessmentRiskInput[];
  @Field(() => Date, { nullable: true, description: 'at most 12 months away; required to submit' }) reviewDueAt?: Date | null;
}

@InputType({ description: 'New answers, risks and review date of a DRAFT assessment, replacing what it held; questions may stay blank until submission.' })
export class SaveAssessmentDraftInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @Min(1) expectedVersion: number;
  @Field(() => [AssessmentAnswerInput]) @ArrayMaxSize(200) answers: AssessmentAnswerInput[];
  @Field(() => [AssessmentRiskInput]) @ArrayMaxSize(MAX_RISKS + 1) risks: AssessmentRiskInput[];
  @Field(() => Date, { nullable: true, description: 'at most 12 months away; required to submit' }) reviewDueAt?: Date | null;
}

@InputType()
export class DecideAssessmentInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'required (non-blank) to reject' }) @MaxLength(2000) comment?: string | null;
}
