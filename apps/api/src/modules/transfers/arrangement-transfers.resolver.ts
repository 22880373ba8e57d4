import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { transferAssessment } from '@canopy/domain';
import { processorTransferFacts } from '../processors';
import { SharingArrangement } from '../sharing';
import { arrangementAssessments } from './arrangement-assessments';
import type { TransfersContext } from './transfers.context';
import { TransferAssessment } from './transfer.types';

@Resolver(() => SharingArrangement)
export class ArrangementTransfersResolver {
  @FieldResolver(() => [TransferAssessment], {
    description:
      "Whether each transfer is lawful at `at` (default now): the processor's country, then each sub-processor's, as the arrangement and its processor stood then (their history), against the home region, the adequacy register in force then and the arrangement's TIAs as they stood then. Empty before the processor was registered or the arrangement proposed.",
  })
  async transfers(@Root() arrangement: SharingArrangement, @Ctx() ctx: TransfersContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<TransferAssessment[]> {
    const instant = at ?? ctx.loaders.now;
    // A TIA is judged against the arrangement's content at the instant asked about: read it then unless shown as of then already.
    const then = at && at.getTime() !== arrangement.asOf?.getTime() ? (await ctx.loaders.arrangementsAt.load({ serviceId: arrangement.serviceId, at })).find((a) => a.id === arrangement.id) : arrangement;
    const [processor, register, homeRegion, { tias }] = await Promise.all([
      ctx.loaders.processorAt.load({ serviceId: arrangement.processorId, at: instant }),
      ctx.loaders.adequacyRegister(),
      ctx.loaders.homeRegionAt.load(instant),
      arrangementAssessments(ctx.loaders, arrangement, at),
    ]);
    if (!processor || !then) return [];
    const legs = transferAssessment({ arrangement: then, processor: processorTransferFacts(processor), homeRegion, adequacy: register, tias, at: instant });
    return legs.map((l) => Object.assign(new TransferAssessment(), { country: l.country, restricted: l.restricted, lawful: l.lawful, basis: l.basis, reason: l.reason }));
  }
}
