import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { findingMapper } from '../findings';
import { ClauseSource, ClauseTopic, PolicyVersion, toPolicyConflict } from '../policies';
import { serviceFieldResolver } from '../services';
import type { ImpactContext } from './impact.context';
import type { ClauseDelta, ConflictPreviewRow } from './impact-preview.app-service';
import { ConflictPreview, EffectiveChange, LockedOverride, PolicyImpact, ServiceImpact } from './impact.types';

const MAX_SERVICES_LISTED = 500;

const toChange = (d: ClauseDelta): EffectiveChange => ({
  topic: d.topic as ClauseTopic,
  subject: d.subject,
  before: d.before?.value ?? null,
  after: d.after?.value ?? null,
  beforeSource: (d.before?.source as ClauseSource) ?? null,
  afterSource: (d.after?.source as ClauseSource) ?? null,
  pendingReviewAfter: d.after?.pendingReview ?? false,
});

const toPreview = (c: ConflictPreviewRow): ConflictPreview =>
  Object.assign(new ConflictPreview(), { ...c, topic: c.topic as ClauseTopic });

@Resolver(() => PolicyVersion)
export class PolicyVersionImpactResolver {
  @FieldResolver(() => PolicyImpact, { nullable: true, description: 'DRAFT only: what publishing it now would change, computed without writing anything.' })
  async impact(@Root() version: PolicyVersion, @Ctx() ctx: ImpactContext): Promise<PolicyImpact | null> {
    if (version.status !== 'DRAFT') return null;
    const result = await ctx.app.impactPreview.ofDraft(version.id, ctx.loaders.now);
    if (!result) return null;
    const services = [...result.perService].sort((a, b) => b.changes.length - a.changes.length).slice(0, MAX_SERVICES_LISTED);
    const toFinding = findingMapper();
    return {
      servicesAffected: result.perService.length,
      services: services.map((s) =>
        Object.assign(new ServiceImpact(), {
          serviceId: s.serviceId,
          changes: s.changes.map(toChange),
          conflictsOpening: s.conflicts.map(toPreview),
          findingsAppearing: s.findingsAppearing.map(toFinding),
          findingsDisappearing: s.findingsDisappearing.map(toFinding),
        }),
      ),
      findingsAppearing: result.perService.reduce((n, s) => n + s.findingsAppearing.length, 0),
      findingsDisappearing: result.perService.reduce((n, s) => n + s.findingsDisappearing.length, 0),
      conflictsOpening: result.conflictsOpening.map(toPreview),
      conflictsSuperseded: result.conflictsSuperseded.map(toPolicyConflict),
      lockedOverrides: result.lockedOverrides.map((o) => Object.assign(new LockedOverride(), { ...o, topic: o.topic as ClauseTopic })),
      noticeRequired: result.materialReduction,
      noticeDays: result.noticeDays,
      earliestEffectiveAt: result.earliestEffectiveAt,
      noticeExplanation: result.noticeExplanation,
    };
  }
}

export const ServiceImpactResolver = serviceFieldResolver(ServiceImpact);

export const LockedOverrideResolver = serviceFieldResolver(LockedOverride);

export const ConflictPreviewResolver = serviceFieldResolver(ConflictPreview);
