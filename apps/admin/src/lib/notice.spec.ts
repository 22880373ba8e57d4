import { noticeDaysFrom, noticeRequirement, servicePrevailsReminder } from './notice';

describe('noticeDaysFrom', () => {
  it('should read the global AMENDMENT notice_days clause', () => {
    expect(noticeDaysFrom([{ topic: 'AMENDMENT', subject: 'notice_days', value: '45' }])).toEqual({ days: 45, fromClause: true });
  });

  it('should default to 30 days without the clause', () => {
    expect(noticeDaysFrom([{ topic: 'RETENTION', subject: '*', value: '30' }])).toEqual({ days: 30, fromClause: false });
    expect(noticeDaysFrom(null)).toEqual({ days: 30, fromClause: false });
  });
});

describe('noticeRequirement', () => {
  const base = { noticeDays: 30, noticeDaysFromClause: true, channels: [] as const, now: new Date('2026-11-29T00:00:00Z') };

  it('should need no notice when nothing gets weaker', () => {
    const r = noticeRequirement({ ...base, materialReduction: false, effectiveAt: '2026-11-29T00:00:00Z', noticeAt: null });
    expect(r).toMatchObject({ required: false, satisfied: true });
    expect(r.explanation[0]).toMatch(/no notice is needed/);
  });

  it('should explain the rule and name the weakened subjects for a material reduction', () => {
    const r = noticeRequirement({ ...base, materialReduction: true, weakened: ['RETENTION device.log'], effectiveAt: null, noticeAt: null });
    expect(r.required).toBe(true);
    expect(r.satisfied).toBe(false);
    expect(r.explanation.join(' ')).toContain('RETENTION device.log get weaker');
    expect(r.explanation.join(' ')).toContain('at least 30 days before it takes effect');
    expect(r.explanation.join(' ')).toContain('Choose at least one channel');
    expect(r.explanation.join(' ')).toContain('the earliest effective date would be 2026-12-29');
  });

  it('should compute the earliest effective date from the notice date', () => {
    const r = noticeRequirement({
      ...base,
      materialReduction: true,
      channels: ['EMAIL'],
      noticeAt: '2026-12-01T00:00:00Z',
      effectiveAt: '2026-12-15T00:00:00Z',
    });
    expect(r.satisfied).toBe(false);
    expect(r.earliestEffectiveAt).toBe('2026-12-31T00:00:00.000Z');
    expect(r.latestNoticeAt).toBe('2026-11-15T00:00:00.000Z');
    expect(r.explanation.join(' ')).toContain('too early');
  });

  it('should be satisfied with a channel and enough notice', () => {
    const r = noticeRequirement({
      ...base,
      materialReduction: true,
      channels: ['HOMEPAGE_BANNER'],
      noticeAt: '2026-12-01T00:00:00Z',
      effectiveAt: '2026-12-31T00:00:00Z',
    });
    expect(r.satisfied).toBe(true);
    expect(r.explanation.join(' ')).toContain('meet the rule');
  });

  it('should say where the number of days comes from when it is the default', () => {
    const r = noticeRequirement({ ...base, noticeDaysFromClause: false, materialReduction: true, effectiveAt: null, noticeAt: null });
    expect(r.explanation.join(' ')).toContain('the default');
  });
});

describe('servicePrevailsReminder', () => {
  const conflict = { serviceName: 'Lens', topic: 'RETENTION', subject: 'device.log', globalValue: '180', serviceValue: '365', noticeDays: 30 };

  it('should remind the officer that the reduction needs notice when none is recorded', () => {
    const text = servicePrevailsReminder(conflict);
    expect(text).toContain('RETENTION device.log goes from 180 (global policy) to 365 (service policy) for users of Lens at once');
    expect(text).toContain('30 days ahead');
  });

  it('should point at the recorded notice when the service version was announced', () => {
    const text = servicePrevailsReminder({ ...conflict, serviceVersionNotice: { channels: ['EMAIL'], noticeAt: '2026-11-01T00:00:00Z' } });
    expect(text).toContain('announced by e-mail to users on 2026-11-01');
  });
});
