import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadService, type ServiceLoaders } from './service.loaders';
import { Service } from './service.types';

type ClassOf<T> = new (...args: never[]) => T;

/** A resolver giving objects of `type` their `service` field, loaded through the request's loader by their `serviceId`. */
export function serviceFieldResolver<T extends { serviceId: string }>(type: ClassOf<T>): ClassOf<object> {
  @Resolver(() => type)
  class ServiceFieldResolver {
    @FieldResolver(() => Service)
    async service(@Root() object: T, @Ctx() ctx: { loaders: Pick<ServiceLoaders, 'serviceById'> }): Promise<Service> {
      return loadService(ctx.loaders, object.serviceId);
    }
  }
  return ServiceFieldResolver;
}
