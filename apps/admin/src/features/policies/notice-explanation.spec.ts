import { explainNotice, type NoticeForm } from './notice-explanation';

const now = new Date('2026-11-29T00:00:00Z');
const clause = { days: 30, source: 'AMENDMENT_CLAUSE' as const };
const form = (over: Partial<NoticeForm>): NoticeForm => ({
  materialReduction: true,
  weakened: [],
  noticePeriod: clause,
  effectiveAt: null,
  noticeAt: null,
  channels: ['EMAIL'],
  now,
  ...over,
});
const text = (over: Partial<NoticeForm>) => explainNotice(form(over)).sentences.join(' ');

describe('explainNotice', () => {
  it('should need no notice when nothing gets weaker', () => {
    const r = explainNotice(form({ materialReduction: false, channels: [] }));
    expect(r).toMatchObject({ required: false, satisfied: true });
    expect(r.sentences[0]).toMatch(/no notice is needed/);
  });

  it('should explain the rule, name the weakened subjects and say what is missing', () => {
    const r = explainNotice(form({ weakened: ['RETENTION device.log'], channels: [] }));
    expect(r).toMatchObject({ required: true, satisfied: false });
    const all = r.sentences.join(' ');
    expect(all).toContain('RETENTION device.log get weaker');
    expect(all).toContain('at least 30 days before it takes effect');
    expect(all).toContain('Choose at least one channel');
    expect(all).toContain('the earliest effective date would be 2026-12-29');
  });

  it('should say the effective date is too early, with the earliest date and the latest notice date', () => {
    const all = text({ noticeAt: '2026-12-01T00:00:00Z', effectiveAt: '2026-12-15T00:00:00Z' });
    expect(all).toContain('too early');
    expect(all).toContain('2026-12-31 at the earliest');
    expect(all).toContain('send the notice by 2026-11-15');
  });

  it('should accept a past effective date with a notice far enough back, as the API publishes it', () => {
    // Regression: the console compared the past date itself and said "too early" while the API took effect now and published.
    const r = explainNotice(form({ noticeAt: '2026-09-01T00:00:00Z', effectiveAt: '2026-10-01T00:00:00Z' }));
    expect(r).toMatchObject({ required: true, satisfied: true });
    expect(r.sentences.join(' ')).not.toContain('too early');
    expect(r.sentences.join(' ')).toContain('effect on 2026-11-29 (a past date means now) meet the rule');
  });

  it('should still refuse a past effective date when the notice is not far enough back from now', () => {
    expect(explainNotice(form({ noticeAt: '2026-11-10T00:00:00Z', effectiveAt: '2026-10-01T00:00:00Z' })).satisfied).toBe(false);
  });

  it('should credit the default, not a clause, when the default applies', () => {
    expect(text({ noticePeriod: { days: 30, source: 'DEFAULT' } })).toContain('(the default, as the global policy in force has no AMENDMENT notice_days clause)');
    expect(text({ noticePeriod: { days: 45, source: 'AMENDMENT_CLAUSE' } })).toContain("at least 45 days before it takes effect (the global policy's AMENDMENT notice_days clause");
  });
});
