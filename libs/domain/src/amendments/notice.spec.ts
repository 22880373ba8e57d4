import { clause } from '../testing/builders';
import { DEFAULT_NOTICE_DAYS, checkNotice, noticeDaysFrom } from './notice';

describe('noticeDaysFrom', () => {
  it('should read notice_days of the global version in force', () => {
    expect(noticeDaysFrom([clause('RIGHT', 'ACCESS', 'GRANTED'), clause('AMENDMENT', 'notice_days', '14')])).toBe(14);
  });

  it('should default to 30 days without a global version or AMENDMENT clause', () => {
    expect(DEFAULT_NOTICE_DAYS).toBe(30);
    expect(noticeDaysFrom(null)).toBe(30);
    expect(noticeDaysFrom([clause('RIGHT', 'ACCESS', 'GRANTED')])).toBe(30);
  });
});

describe('checkNotice', () => {
  const effectiveAt = new Date('2027-01-31T00:00:00.000Z');
  const now = new Date('2026-12-01T00:00:00.000Z');

  it('should accept a notice given at least noticeDays before it takes effect', () => {
    expect(checkNotice({ materialReduction: true, notice: { channels: ['EMAIL'], noticeAt: new Date('2027-01-01T00:00:00.000Z') }, effectiveAt, noticeDays: 30, now })).toEqual({ ok: true });
  });

  it('should accept anything that is not a material reduction', () => {
    expect(checkNotice({ materialReduction: false, effectiveAt, noticeDays: 30, now })).toEqual({ ok: true });
  });

  it('should require a notice for a material reduction, counting from now', () => {
    const result = checkNotice({ materialReduction: true, effectiveAt, noticeDays: 30, now });
    expect(result).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED', earliestEffectiveAt: new Date('2026-12-31T00:00:00.000Z') });
    expect(!result.ok && result.reason).toMatch(/EMAIL or HOMEPAGE_BANNER/);
  });

  it('should require at least one known channel', () => {
    for (const channels of [[], ['SMS']]) {
      expect(checkNotice({ materialReduction: true, notice: { channels, noticeAt: now }, effectiveAt, noticeDays: 30, now }).ok).toBe(false);
    }
  });

  it('should refuse a notice given too late and say the earliest effectiveAt', () => {
    const result = checkNotice({ materialReduction: true, notice: { channels: ['HOMEPAGE_BANNER'], noticeAt: new Date('2027-01-02T00:00:00.000Z') }, effectiveAt, noticeDays: 30, now });
    expect(result).toMatchObject({ ok: false, earliestEffectiveAt: new Date('2027-02-01T00:00:00.000Z') });
    expect(!result.ok && result.reason).toContain('2027-02-01T00:00:00.000Z');
  });

  it('should treat a past effectiveAt as now', () => {
    const notice = { channels: ['EMAIL'], noticeAt: new Date('2026-11-15T00:00:00.000Z') };
    const past = new Date('2026-11-20T00:00:00.000Z');
    expect(checkNotice({ materialReduction: true, notice, effectiveAt: past, noticeDays: 10, now }).ok).toBe(true);
    expect(checkNotice({ materialReduction: true, notice, effectiveAt: past, noticeDays: 30, now }).ok).toBe(false);
  });

  it('should accept a notice exactly noticeDays before', () => {
    const notice = { channels: ['EMAIL'], noticeAt: new Date('2027-01-01T00:00:00.000Z') };
    expect(checkNotice({ materialReduction: true, notice, effectiveAt, noticeDays: 30, now }).ok).toBe(true);
    expect(checkNotice({ materialReduction: true, notice, effectiveAt: new Date(effectiveAt.getTime() - 1), noticeDays: 30, now }).ok).toBe(false);
  });
});
