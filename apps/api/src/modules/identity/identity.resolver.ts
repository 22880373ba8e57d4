import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { sessionOf } from '../../auth/authenticator';
import type { AppContext } from '../../context';
import { viewerOf } from '../../context';
import { RoleEnum, Team, User } from './identity.types';
import { toTeam, toUser } from './identity.mappers';

@Resolver(() => User)
export class UserResolver {
  @Authorized()
  @Query(() => User, { nullable: true, description: 'The signed-in user; like every field it needs credentials.' })
  async viewer(@Ctx() ctx: AppContext): Promise<User | null> {
    const row = await ctx.loaders.userById.load(viewerOf(ctx).id);
    return row ? toUser(row) : null;
  }

  @Authorized('AUDITOR')
  @Query(() => [User], { description: 'Every user: ADMIN and AUDITOR (auditors read everything).' })
  async users(@Ctx() ctx: AppContext): Promise<User[]> {
    return (await ctx.app.identity.users()).map(toUser);
  }

  @Authorized('ADMIN')
  @Mutation(() => User)
  async createUser(
    @Ctx() ctx: AppContext,
    @Arg('email') email: string,
    @Arg('name') name: string,
    @Arg('roles', () => [RoleEnum]) roles: RoleEnum[],
    @Arg('teamKeys', () => [String], { nullable: true, defaultValue: [] }) teamKeys: string[] | null,
  ): Promise<User> {
    return toUser(await ctx.app.identity.createUser(viewerOf(ctx), email, name, roles, teamKeys ?? []));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Changes name, roles or team memberships (teamKeys replaces them all).' })
  async updateUser(
    @Ctx() ctx: AppContext,
    @Arg('email') email: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('roles', () => [RoleEnum], { nullable: true }) roles: RoleEnum[] | null,
    @Arg('teamKeys', () => [String], { nullable: true }) teamKeys: string[] | null,
  ): Promise<User> {
    return toUser(await ctx.app.identity.updateUser(viewerOf(ctx), email, { name, roles, teamKeys }));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Blocks sign-in and revokes the user\'s tokens and sessions at once.' })
  async deactivateUser(@Ctx() ctx: AppContext, @Arg('email') email: string): Promise<User> {
    return toUser(await ctx.app.identity.deactivateUser(viewerOf(ctx), email));
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: "Sets a user's initial (or a reset) password: at least 12 characters. Ends the user's console sessions." })
  async setPassword(@Ctx() ctx: AppContext, @Arg('email') email: string, @Arg('password') password: string): Promise<boolean> {
    return ctx.app.identity.setPassword(viewerOf(ctx), email, password, sessionOf(ctx.credentials));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Changes the signed-in user's own password and ends its other console sessions." })
  async changePassword(
    @Ctx() ctx: AppContext,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ): Promise<boolean> {
    return ctx.app.identity.changePassword(viewerOf(ctx), currentPassword, newPassword, sessionOf(ctx.credentials));
  }

  @FieldResolver(() => [Team])
  async teams(@Root() user: User, @Ctx() ctx: AppContext): Promise<Team[]> {
    return (await ctx.loaders.teamsByUserId.load(user.id)).map(toTeam);
  }
}

@Resolver(() => Team)
export class TeamResolver {
  @Authorized()
  @Query(() => [Team])
  async teams(@Ctx() ctx: AppContext): Promise<Team[]> {
    return (await ctx.app.identity.teams()).map(toTeam);
  }

  @Authorized('ADMIN')
  @Mutation(() => Team)
  async createTeam(@Ctx() ctx: AppContext, @Arg('key') key: string, @Arg('name') name: string): Promise<Team> {
    return toTeam(await ctx.app.identity.createTeam(viewerOf(ctx), key, name));
  }
}
