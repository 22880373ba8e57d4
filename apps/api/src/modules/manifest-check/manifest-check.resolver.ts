import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Severity } from '../../common/graphql-enums';
import { toEffectiveClause } from '../policies';
import type { ManifestCheckContext } from './manifest-check.context';
import { ServiceManifestInput } from './manifest-check.inputs';
import { ManifestCheck, ManifestFinding } from './manifest-check.types';

@Resolver(() => ManifestCheck)
export class ManifestCheckResolver {
  @Authorized()
  @Query(() => ManifestCheck, {
    description:
      'Evaluates a proposed service and inventory against the effective policy now, without saving anything (canopy check). An unregistered service is measured against the global policy alone.',
  })
  async checkServiceManifest(@Ctx() ctx: ManifestCheckContext, @Arg('input') input: ServiceManifestInput): Promise<ManifestCheck> {
    const result = await ctx.app.manifestCheck.check(input, ctx.loaders.now);
    return Object.assign(new ManifestCheck(), {
      serviceKey: result.serviceKey,
      registered: result.registered,
      at: result.at,
      findings: result.findings.map((f) =>
        Object.assign(new ManifestFinding(), {
          rule: f.rule,
          severity: f.severity as Severity,
          dataCategory: f.dataCategory,
          message: f.message,
          clause: f.clause ? toEffectiveClause(f.clause) : null,
          accepted: f.accepted,
          acceptedUntil: f.acceptedUntil,
        }),
      ),
    });
  }
}
