import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isOfficer } from '../../auth/viewer';
import type { AppContext } from '../../context';
import { toUser } from '../identity/identity.mappers';
import { User } from '../identity/identity.types';
import { toProcessor } from '../processors/processor.mappers';
import { Processor } from '../processors/processor.types';
import { toService } from '../services/service.mappers';
import { Service } from '../services/service.types';
import { evaluateChecks } from './sharing.checks';
import { toSharingApproval } from './sharing.mappers';
import { SharingApproval, SharingArrangement, SharingCheck } from './sharing.types';

@Resolver(() => SharingArrangement)
export class SharingArrangementFieldsResolver {
  @FieldResolver(() => Service)
  async service(@Root() a: SharingArrangement, @Ctx() ctx: AppContext): Promise<Service> {
    const row = await ctx.loaders.serviceById.load(a.serviceId);
    if (!row) throw new Error(`arrangement ${a.id} has no service ${a.serviceId}`);
    return toService(row);
  }

  @FieldResolver(() => Processor)
  async processor(@Root() a: SharingArrangement, @Ctx() ctx: AppContext): Promise<Processor> {
    const row = await ctx.loaders.processorById.load(a.processorId);
    if (!row) throw new Error(`arrangement ${a.id} has no processor ${a.processorId}`);
    return toProcessor(row);
  }

  @FieldResolver(() => User)
  async requestedBy(@Root() a: SharingArrangement, @Ctx() ctx: AppContext): Promise<User> {
    const row = await ctx.loaders.userById.load(a.requestedById);
    if (!row) throw new Error(`arrangement ${a.id} has no requester ${a.requestedById}`);
    return toUser(row);
  }

  @FieldResolver(() => User, { nullable: true, description: 'who approved last, rejected, revoked or withdrew it' })
  async decidedBy(@Root() a: SharingArrangement, @Ctx() ctx: AppContext): Promise<User | null> {
    if (!a.decidedById) return null;
    const row = await ctx.loaders.userById.load(a.decidedById);
    return row ? toUser(row) : null;
  }

  @FieldResolver(() => [SharingApproval], { description: 'oldest first; as of `asOf` when the arrangement was read as of an instant' })
  async approvals(@Root() a: SharingArrangement, @Ctx() ctx: AppContext): Promise<SharingApproval[]> {
    const rows = await ctx.loaders.approvalsByArrangementId.load(a.id);
    return rows.filter((r) => !a.asOf || r.at.getTime() <= a.asOf.getTime()).map(toSharingApproval);
  }

  @FieldResolver(() => [SharingCheck], {
    description: 'Evaluated now, on the arrangement as shown; SEPARATION_OF_DUTIES is judged for the viewer when an officer looks.',
  })
  async checks(@Root() a: SharingArrangement, @Ctx() ctx: AppContext): Promise<SharingCheck[]> {
    const [processor, inventory, approvals, effective, taxonomy] = await Promise.all([
      ctx.loaders.processorById.load(a.processorId),
      ctx.loaders.inventoryByServiceId.load(a.serviceId),
      ctx.loaders.approvalsByArrangementId.load(a.id),
      ctx.loaders.effectivePolicyNow.load(a.serviceId),
      ctx.loaders.taxonomy(),
    ]);
    if (!processor) throw new Error(`arrangement ${a.id} has no processor ${a.processorId}`);
    const viewer = ctx.viewer;
    return evaluateChecks({
      arrangement: a,
      approverIds: approvals.filter((r) => !a.asOf || r.at.getTime() <= a.asOf.getTime()).map((r) => r.approverId),
      processor,
      inventoryCategories: inventory.map((i) => i.dataCategory),
      effectiveClauses: effective.clauses,
      approverId: viewer && isOfficer(viewer) ? viewer.id : null,
      taxonomy,
      now: ctx.loaders.complianceNow,
    });
  }
}

@Resolver(() => SharingApproval)
export class SharingApprovalResolver {
  @FieldResolver(() => User)
  async approver(@Root() approval: SharingApproval, @Ctx() ctx: AppContext): Promise<User> {
    const row = await ctx.loaders.userById.load(approval.approverId);
    if (!row) throw new Error(`approval has no approver ${approval.approverId}`);
    return toUser(row);
  }
}
