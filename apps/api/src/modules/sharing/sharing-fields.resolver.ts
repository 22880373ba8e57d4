import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isInformativeCheck } from '@canopy/domain';
import { isOfficer } from '../../auth/viewer';
import { loadOptionalUser, loadUser, User } from '../identity';
import { Processor, toProcessor } from '../processors';
import { serviceFieldResolver } from '../services';
import type { SharingContext } from './sharing.context';
import { sharingChecks } from './sharing.checks';
import { toSharingApproval } from './sharing.mappers';
import { SharingApproval, SharingArrangement, SharingCheck } from './sharing.types';

@Resolver(() => SharingArrangement)
export class SharingArrangementFieldsResolver {

  @FieldResolver(() => Processor)
  async processor(@Root() a: SharingArrangement, @Ctx() ctx: SharingContext): Promise<Processor> {
    const row = await ctx.loaders.processorById.load(a.processorId);
    if (!row) throw new Error(`arrangement ${a.id} has no processor ${a.processorId}`);
    return toProcessor(row, ctx.loaders.now);
  }

  @FieldResolver(() => User)
  async requestedBy(@Root() a: SharingArrangement, @Ctx() ctx: SharingContext): Promise<User> {
    return loadUser(ctx.loaders, a.requestedById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'who approved last, rejected, revoked or withdrew it' })
  async decidedBy(@Root() a: SharingArrangement, @Ctx() ctx: SharingContext): Promise<User | null> {
    return loadOptionalUser(ctx.loaders, a.decidedById);
  }

  @FieldResolver(() => [SharingApproval], { description: 'oldest first; as of `asOf` when the arrangement was read as of an instant' })
  async approvals(@Root() a: SharingArrangement, @Ctx() ctx: SharingContext): Promise<SharingApproval[]> {
    const rows = await ctx.loaders.approvalsByArrangementId.load(a.id);
    return rows.filter((r) => !a.asOf || r.at.getTime() <= a.asOf.getTime()).map(toSharingApproval);
  }

  @FieldResolver(() => [SharingCheck], {
    description: 'Evaluated now, on the arrangement as shown; SEPARATION_OF_DUTIES is judged for the viewer when an officer looks.',
  })
  async checks(@Root() a: SharingArrangement, @Ctx() ctx: SharingContext): Promise<SharingCheck[]> {
    const viewer = ctx.viewer;
    const checks = await sharingChecks(ctx.loaders, a, viewer && isOfficer(viewer) ? viewer.id : null, ctx.loaders.now);
    return checks.map((c) => Object.assign(new SharingCheck(), { ...c, blocking: !isInformativeCheck(c) }));
  }
}

@Resolver(() => SharingApproval)
export class SharingApprovalResolver {
  @FieldResolver(() => User)
  async approver(@Root() approval: SharingApproval, @Ctx() ctx: SharingContext): Promise<User> {
    return loadUser(ctx.loaders, approval.approverId);
  }
}

export const SharingArrangementServiceResolver = serviceFieldResolver(SharingArrangement);
