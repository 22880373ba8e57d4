/** The services feature's face to the other features: the Service GraphQL type, its loaders, and the port it needs from policies. */
export { Service, Lifecycle } from './service.types';
export { toService } from './service.mappers';
export { createServiceLoaders, loadService, type ServiceLoaders } from './service.loaders';
export { serviceFieldResolver } from './service-field.resolver';
export type { OpenConflictsReader } from './open-conflicts.port';
export type { ServicesContext } from './services.context';
export { servicesAt, servicesAtFrom, type ServicePosition } from './service.queries';
