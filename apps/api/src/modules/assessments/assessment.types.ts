import { Field, Int, ObjectType } from 'type-graphql';
import { ASSESSMENT_KINDS, type AssessmentKind as DomainAssessmentKind } from '@canopy/domain';
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
