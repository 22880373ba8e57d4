import type { ResolvedOrganisationProfile } from './organisation-profile.app-service';
import { OrganisationProfile } from './organisation-profile.types';

export function toOrganisationProfile(p: ResolvedOrganisationProfile): OrganisationProfile {
  return Object.assign(new OrganisationProfile(), {
    legalName: p.legalName,
    address: p.address,
    contactEmail: p.contactEmail,
    dpoName: p.dpoName,
    dpoEmail: p.dpoEmail,
    euRepresentative: p.euRepresentative,
    validFrom: p.validFrom,
  });
}
