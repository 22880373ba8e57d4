import { isCountryCode } from '../shared/countries';
import { day } from '../testing/transfer-builders';
import { AdequacyRegister } from './adequacy-register';
import { ADEQUACY_SEED } from './adequacy-seed';

const register = new AdequacyRegister(ADEQUACY_SEED);

describe('ADEQUACY_SEED', () => {
  it('should hold the Commission decisions in force on 2026-01-01, with their adoption dates and scopes', () => {
    const inForce = register.decisionsAt(day('2026-01-01')).map((e) => [e.country, e.validFrom.toISOString().slice(0, 10), e.scope]);
    expect(inForce).toEqual([
      ['AD', '2010-10-19', null],
      ['AR', '2003-06-30', null],
      ['CA', '2001-12-20', 'COMMERCIAL_ORGANISATIONS'],
      ['CH', '2000-07-26', null],
      ['FO', '2010-03-05', null],
      ['GB', '2021-06-28', null],
      ['GG', '2003-11-21', null],
      ['IL', '2011-01-31', null],
      ['IM', '2004-04-28', null],
      ['JE', '2008-05-08', null],
      ['JP', '2019-01-23', 'PRIVATE_SECTOR'],
      ['KR', '2021-12-17', null],
      ['NZ', '2012-12-19', null],
      ['US', '2023-07-10', 'DPF_CERTIFIED'],
      ['UY', '2012-08-21', null],
    ]);
  });

  it('should give every entry a country code, a decision and where it was checked', () => {
    for (const e of ADEQUACY_SEED) {
      expect(isCountryCode(e.country)).toBe(true);
      expect(e.decision).toMatch(/\d{4}\/\d+/);
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.recordedAt.getTime()).toBeLessThanOrEqual(day('2026-01-01').getTime());
    }
  });

  it('should answer for past instants: each decision from its adoption day', () => {
    expect(register.inForce('KR', day('2021-12-16'))).toBeNull();
    expect(register.inForce('KR', day('2021-12-17'))).not.toBeNull();
    expect(register.inForce('US', day('2023-07-09'))).toBeNull();
    expect(register.inForce('CH', day('2001-01-01'))).not.toBeNull();
  });

  describe('the United Kingdom', () => {
    it('should run to 27 June 2025 as adopted, then to 27 December 2025, then to 27 December 2031', () => {
      expect(register.governing('GB', day('2025-06-23'))!.validUntil).toEqual(day('2025-06-28'));
      expect(register.governing('GB', day('2025-06-24'))!.validUntil).toEqual(day('2025-12-28'));
      expect(register.governing('GB', day('2025-12-19'))!.validUntil).toEqual(day('2031-12-28'));
    });

    it('should stay adequate through the sunset dates, thanks to the extension and the renewal', () => {
      for (const at of ['2021-06-28', '2025-06-27', '2025-06-28', '2025-12-27', '2025-12-28', '2031-12-27']) expect([at, register.inForce('GB', day(at)) !== null]).toEqual([at, true]);
      expect(register.inForce('GB', day('2031-12-28'))).toBeNull();
    });

    it('should have lapsed on 28 June 2025 had the extension not been adopted', () => {
      const withoutAmendments = new AdequacyRegister(ADEQUACY_SEED.filter((e) => !e.decision.includes('amending')));
      expect(withoutAmendments.inForce('GB', day('2025-06-27'))).not.toBeNull();
      expect(withoutAmendments.inForce('GB', day('2025-06-28'))).toBeNull();
    });
  });
});
