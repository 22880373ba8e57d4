import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { transferAssessment } from '@canopy/domain';
import { processorTransferFacts } from '../processors';
import { SharingArrangement } from '../sharing';
import type { TransfersContext } from './transfers.context';
import { TransferAssessment } from './transfer.types';

@Resolver(() => SharingArrangement)
export class ArrangementTransfersResolver {
  @FieldResolver(() => [TransferAssessment], {
    description:
      "Whether each transfer is lawful at `at` (default now): the processor's country, then each sub-processor's, as the processor stood then (its history), against the home region and the adequacy register in force then. Empty before the processor was registered.",
  })
  async transfers(@Root() arrangement: SharingArrangement, @Ctx() ctx: TransfersContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<TransferAssessment[]> {
    const instant = at ?? ctx.loaders.now;
    const [processor, register, homeRegion] = await Promise.all([
      ctx.loaders.processorAt.load({ serviceId: arrangement.processorId, at: instant }),
      ctx.loaders.adequacyRegister(),
      ctx.loaders.homeRegionAt.load(instant),
    ]);
    if (!processor) return [];
    // No transfer impact assessment is kept yet: a safeguard mechanism is then not enough on its own.
    const legs = transferAssessment({ arrangement, processor: processorTransferFacts(processor), homeRegion, adequacy: register, tias: [], at: instant });
    return legs.map((l) => Object.assign(new TransferAssessment(), { country: l.country, restricted: l.restricted, lawful: l.lawful, basis: l.basis, reason: l.reason }));
  }
}
