import { controllerGaps, EMPTY_ORGANISATION_PROFILE, organisationProfileAt, sameOrganisationProfile } from './organisation-profile';

const FULL = {
  legalName: 'Canopy Ltd',
  address: '1 Main Street, Dublin',
  contactEmail: 'privacy@canopy.test',
  dpoName: 'Dana Officer',
  dpoEmail: 'dpo@canopy.test',
  euRepresentative: null,
};

describe('organisation profile', () => {
  describe('controllerGaps', () => {
    it('should list nothing for a complete profile (no EU representative needed)', () => {
      expect(controllerGaps(FULL)).toEqual([]);
    });

    it('should say the whole identity is missing when no profile was set', () => {
      expect(controllerGaps(null)).toEqual([expect.stringContaining('no organisation profile recorded')]);
    });

    it.each([
      ['legalName', 'legal name'],
      ['address', 'address'],
      ['contactEmail', 'contact'],
    ] as const)('should name a missing %s', (field, words) => {
      expect(controllerGaps({ ...FULL, [field]: null })).toEqual([expect.stringContaining(`no ${words} of the controller`)]);
    });

    it('should name a missing data protection officer only when neither name nor e-mail is kept', () => {
      expect(controllerGaps({ ...FULL, dpoName: null })).toEqual([]);
      expect(controllerGaps({ ...FULL, dpoName: null, dpoEmail: null })).toEqual([expect.stringContaining('no data protection officer')]);
      expect(controllerGaps(EMPTY_ORGANISATION_PROFILE)).toHaveLength(4);
    });
  });

  it('should give the profile in force at an instant, none before the first', () => {
    const history = { versions: [{ ...FULL, validFrom: '2026-01-01T00:00:00.000Z' }, { ...FULL, legalName: 'Canopy GmbH', validFrom: '2026-06-01T00:00:00.000Z' }] };
    expect(organisationProfileAt(history, new Date('2025-12-31T23:59:59.999Z'))).toBeNull();
    expect(organisationProfileAt(history, new Date('2026-05-31T00:00:00.000Z'))!.legalName).toBe('Canopy Ltd');
    expect(organisationProfileAt(history, new Date('2026-06-01T00:00:00.000Z'))!.legalName).toBe('Canopy GmbH');
  });

  it('should compare profiles field by field, null and missing alike', () => {
    expect(sameOrganisationProfile(FULL, { ...FULL })).toBe(true);
    expect(sameOrganisationProfile(FULL, { ...FULL, dpoEmail: 'other@canopy.test' })).toBe(false);
  });
});
