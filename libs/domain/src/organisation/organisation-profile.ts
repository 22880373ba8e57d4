import { type Versioned, versionAt } from '../shared/versions';

/**
 * The controller's identity the record of processing opens with (GDPR
 * Art. 30(1)(a)): name and contact details of the controller, its data
 * protection officer and its representative in the Union. Officers keep it
 * as the organisation's profile, with history like the home region.
 */
export interface OrganisationProfileFields {
  legalName: string | null;
  address: string | null;
  contactEmail: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  /** Name and address, where the controller is established outside the EU (Art. 27). */
  euRepresentative: string | null;
}

export interface OrganisationProfileVersion extends OrganisationProfileFields, Versioned {}

/** Every profile ever set, oldest first. */
export interface OrganisationProfileHistory {
  versions: readonly OrganisationProfileVersion[];
}

export const EMPTY_ORGANISATION_PROFILE: OrganisationProfileFields = Object.freeze({
  legalName: null,
  address: null,
  contactEmail: null,
  dpoName: null,
  dpoEmail: null,
  euRepresentative: null,
});

const FIELDS = Object.keys(EMPTY_ORGANISATION_PROFILE) as (keyof OrganisationProfileFields)[];

/** The profile in force at `at`; null before an officer first set one. */
export function organisationProfileAt(history: OrganisationProfileHistory, at: Date): OrganisationProfileVersion | null {
  return versionAt(history.versions, at);
}

export function sameOrganisationProfile(a: OrganisationProfileFields, b: OrganisationProfileFields): boolean {
  return FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/**
 * What Art. 30(1)(a) asks of the controller's identity and the profile
 * lacks: the record's gaps. The legal name, address and contact are always
 * needed; the data protection officer is named by Art. 30(1)(a) and most
 * organisations keeping this record must designate one (Art. 37), so a
 * missing one is listed too, saying when it applies. The EU representative
 * applies only to controllers outside the Union (Art. 27), which the profile
 * cannot tell, so its absence is not a gap.
 */
export function controllerGaps(profile: OrganisationProfileFields | null): string[] {
  if (!profile) return ["no organisation profile recorded: the controller's name and contact details (Art. 30(1)(a)) are missing"];
  const gaps: string[] = [];
  if (!profile.legalName) gaps.push("the organisation profile records no legal name of the controller (Art. 30(1)(a))");
  if (!profile.address) gaps.push("the organisation profile records no address of the controller (Art. 30(1)(a))");
  if (!profile.contactEmail) gaps.push('the organisation profile records no contact of the controller (Art. 30(1)(a))');
  if (!profile.dpoName && !profile.dpoEmail) gaps.push('the organisation profile names no data protection officer (Art. 30(1)(a), where one is designated under Art. 37)');
  return gaps;
}
