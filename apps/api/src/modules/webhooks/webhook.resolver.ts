import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { WebhooksContext } from './webhooks.context';
import { toWebhook, toWebhookDelivery } from './webhook.mappers';
import { Webhook, WebhookCreated, WebhookDelivery } from './webhook.types';

/** Webhooks, ADMIN only (DESIGN.md section 8). */
@Resolver()
export class WebhookResolver {
  @Authorized('ADMIN')
  @Query(() => [Webhook])
  async webhooks(@Ctx() ctx: WebhooksContext): Promise<Webhook[]> {
    return (await ctx.app.webhooks.list()).map(toWebhook);
  }

  @Authorized('ADMIN')
  @Query(() => [WebhookDelivery], { description: 'The delivery log of a webhook, newest first; first <= 200.' })
  async webhookDeliveries(
    @Ctx() ctx: WebhooksContext,
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
  ): Promise<WebhookDelivery[]> {
    return (await ctx.app.webhooks.deliveries(webhookId, first ?? 50)).map(toWebhookDelivery);
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookCreated, { description: 'url: public http(s) (CANOPY_WEBHOOK_ALLOW_PRIVATE admits private addresses). The secret is returned once.' })
  async createWebhook(@Ctx() ctx: WebhooksContext, @Arg('url') url: string, @Arg('events', () => [String]) events: string[]): Promise<WebhookCreated> {
    const { webhook, secret } = await ctx.app.webhooks.create(viewerOf(ctx), url, events);
    return Object.assign(new WebhookCreated(), { webhook: toWebhook(webhook), secret });
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'true when deleted now, false when it already was; its pending deliveries end FAILED.' })
  async deleteWebhook(@Ctx() ctx: WebhooksContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return ctx.app.webhooks.delete(viewerOf(ctx), id);
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookDelivery, { description: 'Sends a SENT or FAILED delivery again: a new delivery with the same event id.' })
  async replayWebhookDelivery(@Ctx() ctx: WebhooksContext, @Arg('id', () => ID) id: string): Promise<WebhookDelivery> {
    return toWebhookDelivery(await ctx.app.webhooks.replay(viewerOf(ctx), id));
  }
}
