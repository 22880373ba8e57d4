/** The identity feature's face to the other features: users and teams as GraphQL types, and their loaders. */
export { User, Team } from './identity.types';
export { toUser, toTeam } from './identity.mappers';
export { createIdentityLoaders, loadOptionalUser, loadUser, type IdentityLoaders } from './identity.loaders';
export type { IdentityContext } from './identity.context';
