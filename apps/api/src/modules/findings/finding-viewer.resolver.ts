import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { mayAcceptFindings } from '@canopy/domain';
import type { AppContext } from '../../context';
import { Finding } from './finding.types';

@Resolver(() => Finding)
export class FindingViewerResolver {
  @FieldResolver(() => Boolean, { description: 'The viewer may accept it (rationale and expiry required): privacy officers.' })
  viewerCanAccept(@Ctx() ctx: AppContext): boolean {
    return Boolean(ctx.viewer) && mayAcceptFindings(ctx.viewer!);
  }
}
