import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AdequacyEntry } from '@canopy/domain';
import { viewerOf } from '../../auth/request-context';
import type { TransfersContext } from './transfers.context';
import { AdequacyDecision, AdequacyDecisionInput } from './adequacy.types';

const toAdequacyDecision = (e: AdequacyEntry): AdequacyDecision =>
  Object.assign(new AdequacyDecision(), { country: e.country, validFrom: e.validFrom, validUntil: e.validUntil, scope: e.scope, note: e.note ?? null, recordedAt: e.recordedAt });

@Resolver(() => AdequacyDecision)
export class AdequacyResolver {
  @Authorized()
  @Query(() => [AdequacyDecision], { description: 'The adequacy decisions in force at `at` (default now), by country: the entry governing each country then.' })
  async adequacyDecisions(@Ctx() ctx: TransfersContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<AdequacyDecision[]> {
    return (await ctx.loaders.adequacyRegister()).decisionsAt(at ?? ctx.loaders.now).map(toAdequacyDecision);
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => AdequacyDecision, {
    description: 'Records an entry of the adequacy register, now; it takes effect at max(validFrom, now) and governs its country from then on (a withdrawal: an entry with validUntil). Audited.',
  })
  async setAdequacyDecision(@Ctx() ctx: TransfersContext, @Arg('input') input: AdequacyDecisionInput): Promise<AdequacyDecision> {
    return toAdequacyDecision(await ctx.app.adequacy.record(viewerOf(ctx), input));
  }
}
