import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentEntity } from '@canopy/persistence';
import { viewerOf } from '../../auth/request-context';
import type { Viewer } from '../../auth/viewer';
import { loadUser, User } from '../identity';
import { Service, serviceFieldResolver } from '../services';
import { SharingApproval, SharingArrangement, toSharingArrangement } from '../sharing';
import type { AssessmentsContext } from './assessments.context';
import type { AssessmentWorkflow } from './assessment-workflow.app-service';
import { standingOf } from './assessment-standing';
import { DecideAssessmentInput, DraftAssessmentInput, SaveAssessmentDraftInput } from './assessment.inputs';
import { toAssessment } from './assessment.mappers';
import { Assessment, AssessmentKind, AssessmentStatus } from './assessment.types';

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Authorized()
  @Query(() => Assessment, { nullable: true, description: 'Now, or as it stood at `at`.' })
  async assessment(@Ctx() ctx: AssessmentsContext, @Arg('id', () => ID) id: string, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<Assessment | null> {
    return ctx.app.assessments.byId(id, at);
  }

  @Authorized()
  @Query(() => [Assessment], {
    description: 'Oldest first, filtered by kind and by status as derived (EXPIRED, STALE included); with `at`, as they stood then. RESULT_TOO_LARGE above CANOPY_MAX_LIST_RESULTS.',
  })
  async assessments(
    @Ctx() ctx: AssessmentsContext,
    @Arg('status', () => AssessmentStatus, { nullable: true }) status: AssessmentStatus | null,
    @Arg('kind', () => AssessmentKind, { nullable: true }) kind: AssessmentKind | null,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<Assessment[]> {
    await ctx.app.listLimit.check('assessments', "page through services(first, after) with each service's assessments", () => ctx.app.assessments.count(kind));
    const all = await ctx.app.assessments.list(kind, at);
    if (!status) return all;
    const standings = await Promise.all(all.map((a) => standingOf(a, ctx.loaders)));
    return all.filter((_, i) => standings[i].status === status);
  }

  @FieldResolver(() => AssessmentStatus, { description: 'as derived now (or at the instant it was read as of): EXPIRED from reviewDueAt, STALE once its subject changed' })
  async status(@Root() a: Assessment, @Ctx() ctx: AssessmentsContext): Promise<AssessmentStatus> {
    return (await standingOf(a, ctx.loaders)).status;
  }

  @FieldResolver(() => String, { nullable: true, description: 'why it is EXPIRED or STALE' })
  async statusReason(@Root() a: Assessment, @Ctx() ctx: AssessmentsContext): Promise<string | null> {
    return (await standingOf(a, ctx.loaders)).reason;
  }

  @FieldResolver(() => SharingArrangement, { nullable: true, description: 'TIA only: the arrangement assessed, as it is now' })
  async sharingArrangement(@Root() a: Assessment, @Ctx() ctx: AssessmentsContext): Promise<SharingArrangement | null> {
    if (!a.arrangementId) return null;
    const row = await ctx.loaders.arrangementById.load(a.arrangementId);
    return row ? toSharingArrangement(row) : null;
  }

  @FieldResolver(() => User)
  async author(@Root() a: Assessment, @Ctx() ctx: AssessmentsContext): Promise<User> {
    return loadUser(ctx.loaders, a.authorId);
  }

  @FieldResolver(() => [SharingApproval], { description: 'the approving officer, comment and instant once APPROVED; empty before' })
  approvals(@Root() a: Assessment): SharingApproval[] {
    if (a.storedStatus !== 'APPROVED' || !a.decidedById || !a.decidedAt) return [];
    return [Object.assign(new SharingApproval(), { approverId: a.decidedById, comment: a.decisionComment, at: a.decidedAt })];
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Assessment, { description: "ENGINEER of the service's team or PRIVACY_OFFICER; a new DRAFT on the latest questionnaire of its kind" })
  draftAssessment(@Ctx() ctx: AssessmentsContext, @Arg('input', () => DraftAssessmentInput) input: DraftAssessmentInput): Promise<Assessment> {
    return act(ctx, (workflow, viewer) => workflow.draft(viewer, input));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Assessment, { description: "ENGINEER of the service's team or PRIVACY_OFFICER; replaces a DRAFT's answers, risks and review date (version + 1)" })
  saveAssessmentDraft(@Ctx() ctx: AssessmentsContext, @Arg('input', () => SaveAssessmentDraftInput) input: SaveAssessmentDraftInput): Promise<Assessment> {
    return act(ctx, (workflow, viewer) => workflow.saveDraft(viewer, input));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Assessment, { description: 'DRAFT -> IN_REVIEW: every question answered, a review date at most 12 months away' })
  submitAssessment(@Ctx() ctx: AssessmentsContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number): Promise<Assessment> {
    return act(ctx, (workflow, viewer) => workflow.submit(viewer, id, expectedVersion));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Assessment, { description: 'IN_REVIEW -> APPROVED; not by its author; a HIGH residual risk needs a recorded prior consultation' })
  approveAssessment(@Ctx() ctx: AssessmentsContext, @Arg('input', () => DecideAssessmentInput) input: DecideAssessmentInput): Promise<Assessment> {
    return act(ctx, (workflow, viewer) => workflow.approve(viewer, input));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Assessment, { description: 'IN_REVIEW -> REJECTED; comment required' })
  rejectAssessment(@Ctx() ctx: AssessmentsContext, @Arg('input', () => DecideAssessmentInput) input: DecideAssessmentInput): Promise<Assessment> {
    return act(ctx, (workflow, viewer) => workflow.reject(viewer, input));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Assessment, { description: 'Records the prior consultation of the supervisory authority (GDPR Art. 36) of a DRAFT or IN_REVIEW assessment.' })
  recordPriorConsultation(
    @Ctx() ctx: AssessmentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('authority') authority: string,
    @Arg('consultedAt', () => Date) consultedAt: Date,
    @Arg('outcome') outcome: string,
  ): Promise<Assessment> {
    return act(ctx, (workflow, viewer) => workflow.recordPriorConsultation(viewer, id, { authority, consultedAt, outcome }));
  }
}

@Resolver(() => Service)
export class ServiceAssessmentsResolver {
  @FieldResolver(() => [Assessment], { description: 'DPIAs of the service and TIAs of its arrangements, oldest first; with `at`, as they stood then.' })
  async assessments(@Root() service: Service, @Ctx() ctx: AssessmentsContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<Assessment[]> {
    if (at) return ctx.app.assessments.ofServiceAt(service.id, at);
    return (await ctx.loaders.assessmentsByServiceId.load(service.id)).map(toAssessment);
  }
}

export const AssessmentServiceResolver = serviceFieldResolver(Assessment);

/** Runs one change of the workflow for the viewer; afterwards nothing this request cached about the assessment may be served. */
async function act(ctx: AssessmentsContext, change: (workflow: AssessmentWorkflow, viewer: Viewer) => Promise<AssessmentEntity>): Promise<Assessment> {
  const row = await change(ctx.app.assessmentWorkflow, viewerOf(ctx));
  ctx.loaders.assessmentById.clear(row.id);
  ctx.loaders.assessmentsByServiceId.clear(row.serviceId);
  return toAssessment(row);
}
