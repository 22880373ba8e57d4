import { orderUpdates, publicPolicyDocument } from './public-policy';
import { notificationAudience } from '../notifications/audience';
import { addDays } from '../shared/dates';
import { decidePublishNotice, earliestEffectiveAtFor, externalNoticeDateProblem, type PublishNoticeInput } from './publish-rules';
import { issueNoticeProblems, mergeRecipients } from './issue-rules';
import { noticeSubject, noticeText } from './notice-text';

const now = new Date('2026-03-01T12:00:00Z');
const reach = { homepage: true, emailRecipients: ['a@x.test'] };

describe('issueNoticeProblems', () => {
  it('should answer NOTICE_REQUIRED for an empty channel list', () => {
    expect(issueNoticeProblems({ channels: [], plannedEffectiveAt: addDays(now, 40), now, reach })[0]).toMatchObject({ code: 'NOTICE_REQUIRED' });
  });
  it('should name the channel that reaches nobody', () => {
    const problems = issueNoticeProblems({ channels: ['EMAIL', 'HOMEPAGE_BANNER'], plannedEffectiveAt: addDays(now, 40), now, reach: { homepage: false, emailRecipients: [] } });
    expect(problems.map((p) => [p.code, 'channel' in p ? p.channel : null])).toEqual([
      ['BAD_USER_INPUT', 'EMAIL'],
      ['BAD_USER_INPUT', 'HOMEPAGE_BANNER'],
    ]);
  });
  it('should refuse a planned date that is not in the future, and accept a reachable notice', () => {
    expect(issueNoticeProblems({ channels: ['EMAIL'], plannedEffectiveAt: now, now, reach })[0]).toMatchObject({ argument: 'plannedEffectiveAt' });
    expect(issueNoticeProblems({ channels: ['EMAIL', 'EMAIL'], plannedEffectiveAt: addDays(now, 1), now, reach })).toEqual([]);
  });
});

describe('mergeRecipients', () => {
  it('should keep every address once, lower-cased, first occurrence first', () => {
    expect(mergeRecipients([['B@x.test', 'a@x.test'], ['a@X.test', 'c@x.test'], []])).toEqual(['b@x.test', 'a@x.test', 'c@x.test']);
  });
});

describe('decidePublishNotice', () => {
  const base: PublishNoticeInput = {
    materialReduction: true,
    noticeDays: 30,
    effectiveAt: addDays(now, 31),
    now,
    draftCreatedAt: addDays(now, -10),
    issued: [],
    external: null,
  };
  const issued = { issuedAt: addDays(now, -1), plannedEffectiveAt: addDays(now, 30), channels: ['EMAIL'], voided: false };

  it('should publish a version that is no reduction without any notice', () => {
    expect(decidePublishNotice({ ...base, materialReduction: false })).toEqual({ ok: true, notice: null });
  });
  it('should refuse a reduction without notice, naming the earliest date', () => {
    expect(decidePublishNotice(base)).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED', earliestEffectiveAt: addDays(now, 30) });
  });
  it('should accept an issued notice old enough whose planned date is reached, recording its issue instant', () => {
    expect(decidePublishNotice({ ...base, issued: [issued] })).toEqual({ ok: true, notice: { channels: ['EMAIL'], noticeAt: issued.issuedAt, evidence: null } });
  });
  it('should refuse an effective date before the planned one, and a notice issued too late', () => {
    const early = decidePublishNotice({ ...base, issued: [{ ...issued, plannedEffectiveAt: addDays(now, 60) }] });
    expect(early).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED', earliestEffectiveAt: addDays(now, 60) });
    const late = decidePublishNotice({ ...base, issued: [{ ...issued, issuedAt: addDays(now, 5) }] });
    expect(late).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED', earliestEffectiveAt: addDays(now, 35) });
  });
  it('should not count a voided notice', () => {
    const r = decidePublishNotice({ ...base, issued: [{ ...issued, voided: true }] });
    expect(r).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED' });
    expect(!r.ok && r.message).toContain('voided');
  });
  it('should require evidence, at least one channel and a plausible date of an external notice', () => {
    const external = { channels: ['EMAIL'], noticeAt: addDays(now, -2), evidence: 'https://status.example.com/notice-42' };
    expect(decidePublishNotice({ ...base, effectiveAt: addDays(now, 29), external })).toMatchObject({ ok: true, notice: { evidence: external.evidence } });
    expect(decidePublishNotice({ ...base, external: { ...external, evidence: ' ' } })).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED', argument: 'notice.evidence' });
    expect(decidePublishNotice({ ...base, external: { ...external, channels: [] } })).toMatchObject({ ok: false, code: 'NOTICE_REQUIRED', argument: 'notice.channels' });
    expect(decidePublishNotice({ ...base, external: { ...external, noticeAt: addDays(now, 1) } })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', argument: 'notice.noticeAt' });
    expect(decidePublishNotice({ ...base, external: { ...external, noticeAt: addDays(now, -11) } })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', argument: 'notice.noticeAt' });
  });
  it('should take the earliest date any valid notice allows', () => {
    expect(earliestEffectiveAtFor([issued, { ...issued, issuedAt: addDays(now, -20), plannedEffectiveAt: addDays(now, 5) }], 30)).toEqual(addDays(now, 10));
  });
});

describe('noticeText', () => {
  it('should say what gets weaker, the planned date and the message, in that order', () => {
    const text = noticeText({
      policyTitle: 'the Maps privacy policy',
      weakened: [{ topic: 'RETENTION', subject: 'location.history', before: 'P30D', after: 'P90D' }],
      plannedEffectiveAt: new Date('2026-04-15T00:00:00Z'),
      message: 'Questions: privacy@maps.example.com',
      link: 'https://canopy.test/public/policies/maps',
    });
    expect(text).toContain('take effect on 2026-04-15');
    expect(text.indexOf('How long we keep location history: P30D becomes P90D.')).toBeGreaterThan(0);
    expect(text.indexOf('Questions:')).toBeGreaterThan(text.indexOf('P90D'));
    expect(text).toContain('Read the policy: https://canopy.test/public/policies/maps');
    expect(noticeSubject('the Maps privacy policy', new Date('2026-04-15T00:00:00Z'))).toBe('Changes to the Maps privacy policy from 2026-04-15');
  });
});

describe('notificationAudience', () => {
  it('should tell officers of review events and of events about no service, engineers of their services', () => {
    expect(notificationAudience('sharing.submitted', true)).toEqual({ officers: true, teamEngineers: true });
    expect(notificationAudience('sharing.decided', true)).toEqual({ officers: false, teamEngineers: true });
    expect(notificationAudience('policy.published', false)).toEqual({ officers: true, teamEngineers: false });
  });
});

describe('publicPolicyDocument and orderUpdates', () => {
  it('should put clauses in the sections of the reference order, with their own text where they have one', () => {
    const doc = publicPolicyDocument({
      service: { key: 'maps', name: 'Maps', servesMinors: false },
      at: now,
      clauses: [
        { topic: 'AMENDMENT', subject: 'notice_days', value: '30', text: null },
        { topic: 'COLLECTION', subject: 'device.location', value: 'CONSENT', text: 'We collect location only with your consent.' },
      ],
      inventory: [],
      recipients: [],
      notices: [],
    });
    expect(doc.sections.map((s) => s.key)).toEqual(['collection', 'use', 'rights', 'sharing', 'security', 'communication', 'minors', 'changes']);
    expect(doc.sections[0].statements).toEqual(['We collect location only with your consent.']);
    expect(doc.sections[7].statements).toEqual(['amendment of notice_days: 30']);
  });
  it('should list upcoming changes first, soonest first, then past ones newest first', () => {
    const n = (id: string, issued: number, planned: number) => ({ id, issuedAt: addDays(now, issued), plannedEffectiveAt: addDays(now, planned) });
    expect(orderUpdates([n('past', -50, -10), n('later', -1, 60), n('soon', -2, 30), n('older', -90, -40)], now).map((x) => x.id)).toEqual(['soon', 'later', 'past', 'older']);
  });
});

describe('externalNoticeDateProblem', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const drafted = new Date('2026-11-20T09:00:00Z');

  it('should refuse a date after now or before the draft existed, and accept one between', () => {
    expect(externalNoticeDateProblem(new Date('2026-12-02T00:00:00Z'), now, drafted)).toBe('IN_FUTURE');
    expect(externalNoticeDateProblem(new Date('2026-11-19T00:00:00Z'), now, drafted)).toBe('BEFORE_DRAFT');
    expect(externalNoticeDateProblem(drafted, now, drafted)).toBeNull();
    expect(externalNoticeDateProblem(now, now, drafted)).toBeNull();
  });
});
