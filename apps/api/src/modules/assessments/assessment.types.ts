import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  ASSESSMENT_KINDS,
  ASSESSMENT_STATUSES,
  type AssessmentKind as DomainAssessmentKind,
  type AssessmentStatus as DomainAssessmentStatus,
  RISK_LEVELS,
  type RiskLevel as DomainRiskLevel,
  type StoredAssessmentStatus,
} from '@canopy/domain';
import { registerDomainEnum } from '../../common/graphql-enums';

export const AssessmentKind = registerDomainEnum('AssessmentKind', ASSESSMENT_KINDS, 'DPIA (a service, GDPR Art. 35) or TIA (a sharing arrangement, GDPR chapter V).');
export type AssessmentKind = DomainAssessmentKind;

@ObjectType()
export class AssessmentQuestion {
  @Field({ description: 'stable: answers are kept by it' }) id: string;
  @Field() text: string;
}

@ObjectType({ description: 'The questions of a kind of assessment, versioned: an assessment keeps the version it was drafted on.' })
export class AssessmentQuestionnaire {
  @Field(() => AssessmentKind) kind: AssessmentKind;
  @Field(() => Int) version: number;
  @Field(() => [AssessmentQuestion]) questions: AssessmentQuestion[];
}

@ObjectType({ description: 'From when the assessment and transfer checks block and their findings carry their severity.' })
export class AssessmentEnforcement {
  @Field(() => Date, { nullable: true, description: 'null: the new checks and findings are advisory' }) from: Date | null;
}

export const AssessmentStatus = registerDomainEnum(
  'AssessmentStatus',
  ASSESSMENT_STATUSES,
  'DRAFT -> IN_REVIEW -> APPROVED | REJECTED; an APPROVED one reads EXPIRED from its reviewDueAt and STALE once its subject changed (derived, never stored).',
);
export type AssessmentStatus = DomainAssessmentStatus;

export const RiskLevel = registerDomainEnum('RiskLevel', RISK_LEVELS, 'A level of likelihood, severity or residual risk.');
export type RiskLevel = DomainRiskLevel;

@ObjectType({ description: 'One question of the questionnaire version the assessment was drafted on, with its answer.' })
export class AssessmentAnswer {
  @Field() questionId: string;
  @Field() question: string;
  @Field(() => String, { nullable: true, description: 'null until answered' }) answer: string | null;
}

@ObjectType({ description: 'A prior consultation of the supervisory authority (GDPR Art. 36).' })
export class PriorConsultation {
  @Field() authority: string;
  @Field(() => Date) consultedAt: Date;
  @Field() outcome: string;
}

@ObjectType()
export class AssessmentRisk {
  @Field() description: string;
  @Field(() => RiskLevel) likelihood: RiskLevel;
  @Field(() => RiskLevel) severity: RiskLevel;
  @Field() mitigation: string;
  @Field(() => RiskLevel, { description: 'the risk left once the mitigation is in place' }) residual: RiskLevel;
}

@ObjectType({ description: 'A DPIA of a service or a TIA of a sharing arrangement (DESIGN.md section 9).' })
export class Assessment {
  @Field(() => ID) id: string;
  @Field(() => AssessmentKind) kind: AssessmentKind;
  @Field(() => [AssessmentAnswer], { description: 'every question of its questionnaire version, in order' }) answers: AssessmentAnswer[];
  @Field(() => [AssessmentRisk]) risks: AssessmentRisk[];
  @Field(() => [String], { description: 'what was assessed, recorded at submission and approval: the inventory categories (DPIA) or the arrangement\'s (TIA)' })
  assessedCategories: string[];
  @Field(() => Int) questionnaireVersion: number;
  @Field(() => PriorConsultation, { nullable: true }) priorConsultation: PriorConsultation | null;
  @Field(() => Date, { nullable: true, description: 'at most 12 months after approval; EXPIRED from then on' }) reviewDueAt: Date | null;
  @Field(() => String, { nullable: true, description: "the deciding officer's comment (required to reject)" }) decisionComment: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'when it was approved or rejected' }) decidedAt: Date | null;
  @Field(() => Int, { description: '+1 per change' }) version: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'set when read as of an instant: the state shown is the one in force then' }) asOf: Date | null;
  serviceId: string;
  arrangementId: string | null;
  authorId: string;
  decidedById: string | null;
  /** The stored status (DRAFT, IN_REVIEW, APPROVED, REJECTED); `status` derives EXPIRED and STALE from it. */
  storedStatus: StoredAssessmentStatus;
  assessedContent: string | null;
}
