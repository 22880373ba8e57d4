import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { IdentityContext } from './identity.context';
import { ApiToken, ApiTokenCreated } from './identity.types';
import { toApiToken } from './identity.mappers';

@Resolver()
export class TokenResolver {
  @Authorized()
  @Mutation(() => ApiTokenCreated, { description: 'userEmail: ADMIN only. The plaintext token is returned once.' })
  async createApiToken(
    @Ctx() ctx: IdentityContext,
    @Arg('name') name: string,
    @Arg('userEmail', () => String, { nullable: true }) userEmail: string | null,
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | null,
  ): Promise<ApiTokenCreated> {
    const { token, row } = await ctx.app.tokens.create(viewerOf(ctx), name, userEmail, expiresAt);
    return Object.assign(new ApiTokenCreated(), { token, id: row.id, name: row.name, expiresAt: row.expiresAt });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'true when revoked now, false when it already was.' })
  async revokeApiToken(@Ctx() ctx: IdentityContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return ctx.app.tokens.revoke(viewerOf(ctx), id);
  }

  @Authorized()
  @Query(() => [ApiToken], { description: "The viewer's own tokens with their last use; userEmail: ADMIN only." })
  async apiTokens(
    @Ctx() ctx: IdentityContext,
    @Arg('userEmail', () => String, { nullable: true }) userEmail: string | null,
  ): Promise<ApiToken[]> {
    return (await ctx.app.tokens.list(viewerOf(ctx), userEmail)).map(toApiToken);
  }
}
