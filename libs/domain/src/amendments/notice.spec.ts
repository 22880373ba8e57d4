import fc from 'fast-check';
import { clause } from '../testing/builders';
import { DEFAULT_NOTICE_DAYS, checkNotice, inForceFrom, noticeDaysFrom, noticePeriodOf, noticeRequirement } from './notice';

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

describe('noticePeriodOf', () => {
  it('should credit the global AMENDMENT notice_days clause when there is one', () => {
    expect(noticePeriodOf([clause('AMENDMENT', 'notice_days', '45')])).toEqual({ days: 45, source: 'AMENDMENT_CLAUSE' });
    expect(noticePeriodOf([clause('AMENDMENT', 'notice_days', '0')])).toEqual({ days: 0, source: 'AMENDMENT_CLAUSE' });
  });

  it('should credit the default, not a clause, without one', () => {
    expect(noticePeriodOf(null)).toEqual({ days: 30, source: 'DEFAULT' });
    expect(noticePeriodOf([clause('RETENTION', '*', '45')])).toEqual({ days: 30, source: 'DEFAULT' });
  });
});

describe('inForceFrom', () => {
  const publishedAt = new Date('2026-12-01T00:00:00.000Z');

  it('should be the effective date when it lies ahead', () => {
    expect(inForceFrom(new Date('2027-01-01T00:00:00.000Z'), publishedAt)).toEqual(new Date('2027-01-01T00:00:00.000Z'));
  });

  it('should be the publish time for a past effective date: history is never rewritten', () => {
    expect(inForceFrom(new Date('2026-01-01T00:00:00.000Z'), publishedAt)).toEqual(publishedAt);
  });
});

describe('noticeRequirement', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  const base = { materialReduction: true, noticeDays: 30, channels: ['EMAIL'], now };

  it('should require nothing when nothing gets weaker', () => {
    expect(noticeRequirement({ ...base, materialReduction: false, effectiveAt: null, noticeAt: null, channels: [] })).toMatchObject({
      required: false,
      satisfied: true,
      shortfalls: [],
    });
  });

  it('should list what a half-filled form still lacks, counting from now without a notice date', () => {
    const r = noticeRequirement({ ...base, channels: ['SMS'], effectiveAt: null, noticeAt: null });
    expect(r).toMatchObject({ required: true, satisfied: false, shortfalls: ['NO_CHANNEL', 'NO_NOTICE_DATE', 'NO_EFFECTIVE_DATE'] });
    expect(r.earliestEffectiveAt).toEqual(new Date('2026-12-31T00:00:00.000Z'));
    expect(r.latestNoticeAt).toBeNull();
  });

  it('should say the earliest effective date and the latest notice date when the effective date is too early', () => {
    const r = noticeRequirement({ ...base, noticeAt: new Date('2026-12-10T00:00:00.000Z'), effectiveAt: new Date('2026-12-20T00:00:00.000Z') });
    expect(r).toMatchObject({ satisfied: false, shortfalls: ['TOO_EARLY'] });
    expect(r.earliestEffectiveAt).toEqual(new Date('2027-01-09T00:00:00.000Z'));
    expect(r.latestNoticeAt).toEqual(new Date('2026-11-20T00:00:00.000Z'));
  });

  it('should measure a past effective date from now, so a notice far enough back satisfies it', () => {
    // The console once compared the past date itself and said "too early" where the API published.
    const r = noticeRequirement({ ...base, noticeAt: new Date('2026-09-01T00:00:00.000Z'), effectiveAt: new Date('2026-10-01T00:00:00.000Z') });
    expect(r).toMatchObject({ satisfied: true, shortfalls: [], takesEffectAt: now });
    expect(r.latestNoticeAt).toEqual(new Date('2026-11-01T00:00:00.000Z'));
  });

  it('should agree with checkNotice on every input', () => {
    const instant = fc.integer({ min: -90, max: 90 }).map((d) => new Date(now.getTime() + d * 86_400_000));
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 60 }), instant, fc.option(instant, { nil: null }), fc.subarray(['EMAIL', 'HOMEPAGE_BANNER', 'SMS']), (material, days, effectiveAt, noticeAt, channels) => {
        const requirement = noticeRequirement({ materialReduction: material, noticeDays: days, effectiveAt, noticeAt, channels, now });
        const check = checkNotice({ materialReduction: material, noticeDays: days, effectiveAt, notice: noticeAt ? { channels, noticeAt } : null, now });
        expect(check.ok).toBe(requirement.satisfied);
      }),
    );
  });
});
