import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { ServicesContext } from './services.context';
import { toService } from './service.mappers';
import { Service } from './service.types';

/** Notice settings of a service (DESIGN.md section 8): owning ENGINEER or PRIVACY_OFFICER. */
@Resolver(() => Service)
export class ServiceNoticeSettingsResolver {
  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service, { description: 'Whether the service is served on the public policy pages.' })
  async setServicePublic(@Ctx() ctx: ServicesContext, @Arg('serviceKey') serviceKey: string, @Arg('public') value: boolean): Promise<Service> {
    return toService(await ctx.app.serviceNoticeSettings.setPublic(viewerOf(ctx), serviceKey, value));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service, { description: 'Addresses are normalised (trimmed, lower-cased, deduplicated); at most 50; [] clears them.' })
  async setNoticeRecipients(@Ctx() ctx: ServicesContext, @Arg('serviceKey') serviceKey: string, @Arg('recipients', () => [String]) recipients: string[]): Promise<Service> {
    return toService(await ctx.app.serviceNoticeSettings.setNoticeRecipients(viewerOf(ctx), serviceKey, recipients));
  }
}
