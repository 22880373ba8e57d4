import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import { loadOptionalUser, User } from '../identity';
import { PolicyVersion, toPolicyVersion } from '../policies';
import type { NoticesContext } from './notices.context';
import { toNotice, toNoticeDeliveries } from './notice.mappers';
import { IssueNoticeInput, Notice, NoticeDelivery } from './notice.types';

@Resolver(() => Notice)
export class NoticeResolver {
  @Authorized()
  @Query(() => [Notice], { description: 'Newest first, at most 1000; with serviceKey, the notices of its policy and of the GLOBAL policy.' })
  async notices(@Ctx() ctx: NoticesContext, @Arg('serviceKey', () => String, { nullable: true }) serviceKey: string | null): Promise<Notice[]> {
    return (await ctx.app.notices.list(serviceKey)).map(toNotice);
  }

  @FieldResolver(() => PolicyVersion)
  async policyVersion(@Root() notice: Notice, @Ctx() ctx: NoticesContext): Promise<PolicyVersion> {
    const version = await ctx.loaders.policyVersionById.load(notice.policyVersionId);
    if (!version) throw new Error(`notice ${notice.id} has no version`);
    return toPolicyVersion(version);
  }

  @FieldResolver(() => User, { nullable: true })
  async issuedBy(@Root() notice: Notice, @Ctx() ctx: NoticesContext): Promise<User | null> {
    return loadOptionalUser(ctx.loaders, notice.issuedById);
  }

  @FieldResolver(() => [NoticeDelivery])
  async deliveries(@Root() notice: Notice, @Ctx() ctx: NoticesContext): Promise<NoticeDelivery[]> {
    return toNoticeDeliveries(notice, await ctx.loaders.noticeEmailsByNoticeId.load(notice.id));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Notice, { description: 'issuedAt is the server clock; each channel must reach someone; e-mails go through the outbox.' })
  async issueNotice(@Ctx() ctx: NoticesContext, @Arg('input') input: IssueNoticeInput): Promise<Notice> {
    return toNotice(await ctx.app.notices.issue(viewerOf(ctx), input));
  }
}

@Resolver(() => PolicyVersion)
export class PolicyVersionNoticesResolver {
  @FieldResolver(() => [Notice], { description: 'Newest first, voided ones included.' })
  async notices(@Root() version: PolicyVersion, @Ctx() ctx: NoticesContext): Promise<Notice[]> {
    return (await ctx.loaders.noticesByVersionId.load(version.id)).map(toNotice);
  }
}
