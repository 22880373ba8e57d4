import { day, entry } from '../testing/transfer-builders';
import { ADEQUACY_SEED } from './adequacy-seed';
import { AdequacyRegister, adequacyCoverage, adequacyEntryErrors, adequacyTakesEffectAt, scopeCovers } from './adequacy-register';

const adequate = (register: AdequacyRegister, country: string, at: string) => register.inForce(country, day(at)) !== null;

describe('AdequacyRegister', () => {
  describe('an entry takes effect at max(validFrom, recordedAt)', () => {
    const onTime = new AdequacyRegister([entry('CH', '2020-01-01', { validUntil: day('2030-01-01') })]);
    const late = new AdequacyRegister([entry('CH', '2020-01-01', { validUntil: day('2030-01-01'), recordedAt: day('2026-05-01') })]);

    it.each([
      ['before its validity', '2019-12-31', false, false],
      ['during it, before a late record', '2025-06-01', true, false],
      ['during it, once recorded', '2026-05-01', true, true],
      ['at its end', '2030-01-01', false, false],
      ['after it', '2031-01-01', false, false],
    ])('should answer %s: on time %s, late %s', (_when, at, onTimeAnswer, lateAnswer) => {
      expect(adequate(onTime, 'CH', at)).toBe(onTimeAnswer);
      expect(adequate(late, 'CH', at)).toBe(lateAnswer);
    });

    it('should take effect at validFrom when recorded ahead of it', () => {
      const ahead = entry('BR', '2026-06-01', { recordedAt: day('2026-01-26') });
      expect(adequacyTakesEffectAt(ahead)).toEqual(day('2026-06-01'));
      expect(adequate(new AdequacyRegister([ahead]), 'BR', '2026-05-31')).toBe(false);
      expect(adequate(new AdequacyRegister([ahead]), 'BR', '2026-06-01')).toBe(true);
    });
  });

  describe('a later entry of the same country governs once it takes effect', () => {
    const decision = entry('US', '2023-07-10', { scope: 'DPF_CERTIFIED' });
    const withdrawal = { ...decision, validUntil: day('2026-06-01'), recordedAt: day('2026-06-03') };
    const register = new AdequacyRegister([withdrawal, decision]);

    it('should end adequacy from when the withdrawal was recorded, never before', () => {
      expect(register.governing('US', day('2026-06-02'))).toBe(decision);
      expect(adequate(register, 'US', '2026-06-02')).toBe(true);
      expect(register.governing('US', day('2026-06-03'))).toBe(withdrawal);
      expect(adequate(register, 'US', '2026-06-03')).toBe(false);
    });

    it('should withdraw from an instant as a new entry, leaving the past as it was', () => {
      const scheduled = entry('BR', '2026-09-01', { recordedAt: day('2026-01-26') });
      const after = new AdequacyRegister([decision, scheduled]).withdrawn(['us', 'br'], day('2026-06-01'));
      expect(after.entries).toHaveLength(4);
      expect(adequate(after, 'BR', '2026-09-01')).toBe(false);
      expect(adequate(after, 'US', '2026-05-31')).toBe(true);
      expect(adequate(after, 'US', '2026-06-01')).toBe(false);
    });

    it('should keep a renewal recorded ahead of its start from cutting the current decision short', () => {
      const current = entry('GB', '2021-06-28', { validUntil: day('2025-12-28') });
      const renewal = entry('GB', '2025-12-28', { validUntil: day('2031-12-28'), recordedAt: day('2025-12-19') });
      const gb = new AdequacyRegister([current, renewal]);
      expect(gb.governing('GB', day('2025-12-20'))).toBe(current);
      expect(['2025-12-20', '2025-12-27', '2025-12-28', '2031-12-27', '2031-12-28'].map((at) => adequate(gb, 'GB', at))).toEqual([true, true, true, true, false]);
    });
  });

  it('should list the decisions in force at an instant', () => {
    const register = new AdequacyRegister([entry('JP', '2019-01-23'), entry('CH', '2000-07-26'), entry('GB', '2021-06-28', { validUntil: day('2025-06-28') })]);
    expect(register.decisionsAt(day('2024-01-01')).map((e) => e.country)).toEqual(['CH', 'GB', 'JP']);
    expect(register.decisionsAt(day('2026-01-01')).map((e) => e.country)).toEqual(['CH', 'JP']);
    expect(register.decisionsAt(day('2010-01-01')).map((e) => e.country)).toEqual(['CH']);
  });
});

describe('scope', () => {
  const register = new AdequacyRegister(ADEQUACY_SEED);
  const at = day('2026-01-01');

  it('should cover in the United States only processors certified DPF', () => {
    expect(adequacyCoverage(register, 'US', at, { certifications: ['SOC 2 Type II'] })).toMatchObject({ adequate: false, outOfScope: true });
    expect(adequacyCoverage(register, 'US', at, {})).toMatchObject({ adequate: false, outOfScope: true });
    expect(adequacyCoverage(register, 'US', at, { certifications: ['ISO 27001', ' dpf '] })).toMatchObject({ adequate: true, outOfScope: false });
  });

  it('should cover in Canada only commercial organisations, commercial by default', () => {
    expect(adequacyCoverage(register, 'CA', at, {}).adequate).toBe(true);
    expect(adequacyCoverage(register, 'CA', at, { sector: 'NON_PROFIT' }).adequate).toBe(false);
    expect(adequacyCoverage(register, 'CA', at, { sector: 'PUBLIC_BODY' }).adequate).toBe(false);
  });

  it('should cover in Japan the private sector, not public bodies', () => {
    expect(scopeCovers('PRIVATE_SECTOR', { sector: 'NON_PROFIT' })).toBe(true);
    expect(adequacyCoverage(register, 'JP', at, { sector: 'PUBLIC_BODY' }).adequate).toBe(false);
  });

  it('should cover anyone in a country decided whole', () => {
    expect(adequacyCoverage(register, 'CH', at, { sector: 'PUBLIC_BODY' }).adequate).toBe(true);
    expect(adequacyCoverage(register, 'IN', at, {})).toEqual({ adequate: false, entry: null, outOfScope: false });
  });
});

describe('adequacyEntryErrors', () => {
  it('should accept a well-formed entry', () => {
    expect(adequacyEntryErrors({ country: 'br', validFrom: day('2026-01-26'), scope: null })).toEqual([]);
  });

  it('should name a bad country, end, scope or note', () => {
    expect(adequacyEntryErrors({ country: 'EU', validFrom: day('2026-01-26'), validUntil: day('2026-01-01'), scope: 'commercial', note: 'x'.repeat(501) }).map((e) => e.argument)).toEqual([
      'country',
      'validUntil',
      'scope',
      'note',
    ]);
  });
});
