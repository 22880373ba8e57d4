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

  it('should say the effective date is too early with the earliest date, and never suggest a notice date in the past', () => {
    const all = text({ noticeAt: '2026-11-20T00:00:00Z', effectiveAt: '2026-12-15T00:00:00Z' });
    expect(all).toContain('too early');
    expect(all).toContain('2026-12-20 at the earliest.');
    // The latest notice date this effective date allows (2026-11-15) has passed: it is not offered.
    expect(all).not.toContain('send the notice by');
  });

  it('should say a notice sent before the draft existed cannot count', () => {
    const r = explainNotice(form({ noticeAt: '2026-09-01T00:00:00Z', effectiveAt: '2026-12-31T00:00:00Z', draftCreatedAt: '2026-11-20T08:00:00Z' }));
    expect(r).toMatchObject({ required: true, satisfied: false });
    expect(r.sentences.join(' ')).toContain('A notice sent on 2026-09-01 cannot count: this draft was only created on 2026-11-20');
    expect(r.sentences.join(' ')).not.toContain('meet the rule');
  });

  it('should say a notice dated in the future has not gone out yet', () => {
    const r = explainNotice(form({ noticeAt: '2026-12-05T00:00:00Z', effectiveAt: '2027-02-01T00:00:00Z', draftCreatedAt: '2026-11-20T08:00:00Z' }));
    expect(r.satisfied).toBe(false);
    expect(r.sentences.join(' ')).toContain('A notice dated 2026-12-05 has not gone out yet, so it cannot count');
    // The deadline it names is still ahead (2027-02-01 less 30 days).
    expect(r.sentences.join(' ')).toContain('To take effect on 2027-02-01, it must go out by 2027-01-02.');
    // Too late already: no deadline in the past is offered.
    expect(text({ noticeAt: '2026-12-05T00:00:00Z', effectiveAt: '2026-12-20T00:00:00Z' })).not.toContain('must go out by');
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
