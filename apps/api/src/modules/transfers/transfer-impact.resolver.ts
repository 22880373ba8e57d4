import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import { findingMapper } from '../findings';
import type { TransfersContext } from './transfers.context';
import { TransferImpact, TransferImpactItem, TransferScenarioInput } from './transfer-impact.types';

@Resolver(() => TransferImpact)
export class TransferImpactResolver {
  @Authorized(...READERS_OF_AUDIT)
  @Query(() => TransferImpact, {
    description:
      'What if adequacy were withdrawn for some countries and/or mechanisms invalidated from `from` (default now): every live arrangement whose transfer would lose its basis, whether another basis remains, and the findings that would open. Computed, never saved. Auditors, privacy officers and admins.',
  })
  async transferImpact(@Ctx() ctx: TransfersContext, @Arg('scenario') scenario: TransferScenarioInput): Promise<TransferImpact> {
    const result = await ctx.app.transferImpact.impact(scenario, ctx.loaders.now);
    const toFinding = findingMapper();
    return Object.assign(new TransferImpact(), {
      scenario: result.scenario,
      affected: result.affected.map((a) =>
        Object.assign(new TransferImpactItem(), {
          arrangement: a.arrangement,
          countries: a.countries,
          hasFallback: a.hasFallback,
          findingsOpening: a.findingsOpening.map(toFinding),
        }),
      ),
    });
  }
}
