import { parseSetting, regionAt } from '../home-region';

describe('home region setting', () => {
  it('should read the stored history so the definition of any instant can be found', () => {
    const setting = parseSetting(
      JSON.stringify({
        versions: [
          { validFrom: '2026-01-01T00:00:00.000Z', name: 'A', countries: ['DE'] },
          { validFrom: '2026-06-01T00:00:00.000Z', name: 'B', countries: ['DE', 'US'] },
        ],
      }),
    );
    expect(regionAt(setting, new Date('2025-12-31T23:59:59.999Z'))).toBeNull();
    expect(regionAt(setting, new Date('2026-05-31T00:00:00.000Z'))!.name).toBe('A');
    expect(regionAt(setting, new Date('2027-01-01T00:00:00.000Z'))!.name).toBe('B');
  });

  it('should read a missing setting as no history', () => {
    expect(parseSetting(null)).toEqual({ versions: [] });
    expect(regionAt(parseSetting(undefined), new Date())).toBeNull();
  });
});
