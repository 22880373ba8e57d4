/** The organisation feature's face to the other features: the controller's profile in force at an instant. */
export type { OrganisationProfileReader, ResolvedOrganisationProfile } from './organisation-profile.app-service';
export { OrganisationProfile } from './organisation-profile.types';
export { toOrganisationProfile } from './organisation-profile.mappers';
export type { OrganisationContext } from './organisation.context';
