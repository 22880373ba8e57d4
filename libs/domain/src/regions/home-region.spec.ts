import { DEFAULT_HOME_REGION, RegionInputError, homeRegionAt, isInRegion, normaliseRegion, regionAt, sameRegion } from './home-region';

describe('home region', () => {
  describe('normaliseRegion', () => {
    it('should upper-case, fold and sort country codes, expanding EEA', () => {
      const region = normaliseRegion(' EEA and Switzerland ', ['ch', 'EEA', 'de']);
      expect(region.name).toBe('EEA and Switzerland');
      expect(region.countries).toEqual([...DEFAULT_HOME_REGION.countries, 'CH'].sort());
      expect(region.countries).toHaveLength(31);
    });

    it.each([
      ['a blank name', '  ', ['DE'], 'input.name'],
      ['no country', 'Home', [], 'input.countries'],
      ['an unknown code', 'Home', ['DE', 'XX'], 'input.countries[1]'],
      ['a reserved code', 'Home', ['EU'], 'input.countries[0]'],
    ])('should refuse %s, naming the argument', (_what, name, countries, argument) => {
      const attempt = () => normaliseRegion(name as string, countries as string[]);
      expect(attempt).toThrow(RegionInputError);
      expect(attempt).toThrow(expect.objectContaining({ argument, code: 'BAD_USER_INPUT' }));
    });
  });

  describe('regionAt and homeRegionAt', () => {
    const history = {
      versions: [
        { validFrom: '2026-01-01T00:00:00.000Z', name: 'A', countries: ['DE'] },
        { validFrom: '2026-06-01T00:00:00.000Z', name: 'B', countries: ['DE', 'US'] },
      ],
    };

    it('should give the definition in force at the instant, none before the first', () => {
      expect(regionAt(history, new Date('2025-12-31T23:59:59.999Z'))).toBeNull();
      expect(regionAt(history, new Date('2026-01-01T00:00:00.000Z'))!.name).toBe('A');
      expect(regionAt(history, new Date('2026-05-31T00:00:00.000Z'))!.name).toBe('A');
      expect(regionAt(history, new Date('2027-01-01T00:00:00.000Z'))!.name).toBe('B');
    });

    it('should fall back to the EEA before any definition', () => {
      expect(homeRegionAt(history, new Date('2025-01-01T00:00:00Z'))).toBe(DEFAULT_HOME_REGION);
      expect(homeRegionAt(history, new Date('2026-07-01T00:00:00Z'))).toEqual({ name: 'B', countries: ['DE', 'US'] });
    });
  });

  it('should say whether a country is inside the region, whatever its case', () => {
    expect(isInRegion(DEFAULT_HOME_REGION, 'de')).toBe(true);
    expect(isInRegion(DEFAULT_HOME_REGION, 'NO')).toBe(true);
    expect(isInRegion(DEFAULT_HOME_REGION, 'CH')).toBe(false);
    expect(isInRegion(DEFAULT_HOME_REGION, 'GB')).toBe(false);
  });

  it('should compare regions by name and countries', () => {
    expect(sameRegion({ name: 'A', countries: ['DE'] }, { name: 'A', countries: ['DE'] })).toBe(true);
    expect(sameRegion({ name: 'A', countries: ['DE'] }, { name: 'A', countries: ['DE', 'FR'] })).toBe(false);
  });
});
