import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import { HomeRegion } from '../home-region';
import { toOrganisationProfile } from '../organisation';
import type { ExportsContext } from './exports.context';
import { LegalBasis } from '../../common/graphql-enums';
import { ProcessingActivity, RecordOfProcessing } from './ropa.types';

@Resolver(() => RecordOfProcessing)
export class RecordOfProcessingResolver {
  @Authorized(...READERS_OF_AUDIT)
  @Query(() => RecordOfProcessing, {
    description:
      'The record of processing activities (GDPR Art. 30(1)) as of `at` (default now): per service and purpose, from published policies and approved arrangements only. Auditors, privacy officers and admins. RESULT_TOO_LARGE when the organisation has more services than CANOPY_MAX_LIST_RESULTS.',
  })
  async recordOfProcessing(@Ctx() ctx: ExportsContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<RecordOfProcessing> {
    await ctx.app.listLimit.check(
      'recordOfProcessing',
      'it holds an activity per service and purpose; raise CANOPY_MAX_LIST_RESULTS for the export, or page through services(first, after) with their effectivePolicy and sharingArrangements',
      () => ctx.app.recordOfProcessing.countServices(),
    );
    const record = await ctx.app.recordOfProcessing.build(at, ctx.loaders.now);
    return Object.assign(new RecordOfProcessing(), {
      at: record.at,
      generatedAt: record.generatedAt,
      homeRegion: Object.assign(new HomeRegion(), record.homeRegion),
      controller: toOrganisationProfile(record.controller),
      activities: record.activities.map((a) =>
        Object.assign(new ProcessingActivity(), {
          ...a,
          legalBases: a.legalBases as LegalBasis[],
          dataCategories: a.dataCategories.map((c) => ({ ...c, legalBasis: c.legalBasis as LegalBasis })),
          recipients: a.recipients.map((r) => ({ ...r, legalBasis: r.legalBasis as LegalBasis })),
        }),
      ),
    });
  }
}
