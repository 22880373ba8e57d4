import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SharingArrangementEntity } from '@canopy/persistence';
import { viewerOf } from '../../auth/request-context';
import type { SharingContext } from './sharing.context';
import { DecideSharingInput, ProposeSharingInput, UpdateSharingInput } from './sharing.inputs';
import { toSharingArrangement } from './sharing.mappers';
import { SharingArrangement, SharingStatus } from './sharing.types';

@Resolver(() => SharingArrangement)
export class SharingResolver {
  @Authorized()
  @Query(() => SharingArrangement, { nullable: true, description: 'Now, or as it stood at `at`.' })
  async sharingArrangement(
    @Ctx() ctx: SharingContext,
    @Arg('id', () => ID) id: string,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<SharingArrangement | null> {
    return ctx.app.sharingArrangements.byId(id, at);
  }

  @Authorized()
  @Query(() => [SharingArrangement], { description: 'Oldest first; with `at`, those that existed then, as they stood. RESULT_TOO_LARGE above CANOPY_MAX_LIST_RESULTS.' })
  async sharingArrangements(
    @Ctx() ctx: SharingContext,
    @Arg('status', () => SharingStatus, { nullable: true }) status: SharingStatus | null,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<SharingArrangement[]> {
    await ctx.app.listLimit.check('sharingArrangements', "page through services(first, after) with each service's sharingArrangements", () =>
      ctx.app.sharingArrangements.count(status, at),
    );
    return ctx.app.sharingArrangements.list(status, at);
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => SharingArrangement, { description: "ENGINEER of the service's team or PRIVACY_OFFICER; status DRAFT" })
  async proposeSharing(@Ctx() ctx: SharingContext, @Arg('input') input: ProposeSharingInput): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharing.propose(viewerOf(ctx), input));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => SharingArrangement, { description: 'Changes categories, purposes or legal basis of a DRAFT.' })
  async updateSharing(@Ctx() ctx: SharingContext, @Arg('input') input: UpdateSharingInput): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharing.update(viewerOf(ctx), input));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => SharingArrangement, { description: 'DRAFT -> PENDING_REVIEW' })
  async submitSharing(
    @Ctx() ctx: SharingContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharing.submit(viewerOf(ctx), id, expectedVersion));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => SharingArrangement, { description: 'One approval; APPROVED once requiredApprovals distinct officers approved.' })
  async approveSharing(@Ctx() ctx: SharingContext, @Arg('input') input: DecideSharingInput): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharingReview.approve(viewerOf(ctx), input));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => SharingArrangement, { description: 'PENDING_REVIEW -> REJECTED; comment required' })
  async rejectSharing(@Ctx() ctx: SharingContext, @Arg('input') input: DecideSharingInput): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharingReview.reject(viewerOf(ctx), input));
  }

  @Authorized('PRIVACY_OFFICER', 'ENGINEER')
  @Mutation(() => SharingArrangement, { description: 'APPROVED -> REVOKED; officers or the owning team; comment required' })
  async revokeSharing(@Ctx() ctx: SharingContext, @Arg('input') input: DecideSharingInput): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharingReview.revoke(viewerOf(ctx), input));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => SharingArrangement, { description: 'DRAFT or PENDING_REVIEW -> WITHDRAWN; the requester or the owning team' })
  async withdrawSharing(
    @Ctx() ctx: SharingContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<SharingArrangement> {
    return done(ctx, await ctx.app.sharing.withdraw(viewerOf(ctx), id, expectedVersion));
  }
}

/** After a change, nothing this request cached about the arrangement may be served. */
function done(ctx: SharingContext, row: SharingArrangementEntity): SharingArrangement {
  ctx.loaders.arrangementById.clear(row.id);
  ctx.loaders.approvalsByArrangementId.clear(row.id);
  ctx.loaders.arrangementsByServiceId.clear(row.serviceId);
  ctx.loaders.arrangementsByProcessorId.clear(row.processorId);
  return toSharingArrangement(row);
}
