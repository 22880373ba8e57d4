import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { assessmentQuestionnaire } from '@canopy/domain';
import { viewerOf } from '../../auth/request-context';
import type { AssessmentsContext } from './assessments.context';
import { AssessmentEnforcement, AssessmentKind, AssessmentQuestionnaire } from './assessment.types';

const enforcement = (from: Date | null) => Object.assign(new AssessmentEnforcement(), { from });

@Resolver(() => AssessmentQuestionnaire)
export class AssessmentSettingsResolver {
  @Authorized()
  @Query(() => AssessmentQuestionnaire, { description: 'The latest questionnaire of a kind (the domain keeps every version).' })
  assessmentQuestionnaire(@Arg('kind', () => AssessmentKind) kind: AssessmentKind): AssessmentQuestionnaire {
    const q = assessmentQuestionnaire(kind);
    return Object.assign(new AssessmentQuestionnaire(), { kind: q.kind, version: q.version, questions: q.questions.map((x) => ({ id: x.id, text: x.text })) });
  }

  @Authorized()
  @Query(() => AssessmentEnforcement, { description: 'From when the assessment and transfer rules are enforced; null: advisory (a fresh organisation).' })
  async assessmentEnforcement(@Ctx() ctx: AssessmentsContext): Promise<AssessmentEnforcement> {
    return enforcement(await ctx.app.assessmentEnforcement.enforceFrom());
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => AssessmentEnforcement, { description: 'Enforces the assessment and transfer rules from `from` (an earlier instant means now: the past is never rewritten). Audited.' })
  async enforceAssessmentsFrom(@Ctx() ctx: AssessmentsContext, @Arg('from', () => Date) from: Date): Promise<AssessmentEnforcement> {
    return enforcement(await ctx.app.assessmentEnforcement.enforce(viewerOf(ctx), from));
  }
}
