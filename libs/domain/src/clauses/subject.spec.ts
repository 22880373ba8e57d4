import { coveringSubjects, fixedSubjectsOf, isCategorySubject, meetOfSubjects, parseSubject, subjectCovers, subjectSpecificity, topicHasCategory } from './subject';
import { CLAUSE_TOPICS, type ClauseTopic } from './topics';

const ok = (topic: ClauseTopic, text: string) => {
  const r = parseSubject(topic, text);
  if (!r.ok) throw new Error(r.reason);
  return r.subject;
};
const reason = (topic: ClauseTopic, text: string) => {
  const r = parseSubject(topic, text);
  if (r.ok) throw new Error(`${topic} ${text} parsed`);
  return r.reason;
};

describe('parseSubject', () => {
  it('should parse category subjects, with the wildcard', () => {
    expect(ok('COLLECTION', 'user.contact.email')).toMatchObject({ category: 'user.contact.email', use: null, recipient: null, name: null });
    expect(ok('RETENTION', '*').category).toBe('*');
    expect(ok('ENCRYPTION', 'device').parts).toEqual(['device']);
  });

  it('should parse category:use and category:recipient subjects', () => {
    expect(ok('USE', 'user.contact.email:marketing.email')).toMatchObject({ category: 'user.contact.email', use: 'marketing.email' });
    expect(ok('USE', '*:*')).toMatchObject({ category: '*', use: '*' });
    expect(ok('SHARING', 'device.location:third_party')).toMatchObject({ category: 'device.location', recipient: 'third_party' });
    expect(ok('SHARING', '*:public').recipient).toBe('public');
  });

  it('should parse rights, channels and settings', () => {
    expect(ok('RIGHT', 'DELETE').name).toBe('DELETE');
    expect(ok('COMMUNICATION', 'marketing.push').name).toBe('marketing.push');
    expect(ok('COMMUNICATION', '*').name).toBe('*');
    expect(ok('MINORS', 'guardian_consent_age').name).toBe('guardian_consent_age');
    expect(ok('AMENDMENT', 'notice_days').name).toBe('notice_days');
  });

  it('should reject a missing or extra part', () => {
    expect(reason('USE', 'user.contact.email')).toMatch(/expected <category>:<use>/);
    expect(reason('COLLECTION', 'user:service')).toMatch(/2 part/);
    expect(reason('SHARING', 'device:third_party:x')).toMatch(/malformed/);
  });

  it('should reject malformed keys', () => {
    expect(reason('COLLECTION', 'User')).toMatch(/not a category key/);
    expect(reason('COLLECTION', 'user.')).toMatch(/malformed/);
    expect(reason('USE', 'user:Marketing')).toMatch(/not a use key/);
    expect(reason('COLLECTION', ' user')).toMatch(/malformed/);
    expect(reason('COLLECTION', '')).toMatch(/malformed/);
  });

  it('should reject an unknown or wildcard recipient', () => {
    expect(reason('SHARING', 'device:advertisers')).toMatch(/not a recipient/);
    expect(reason('SHARING', 'device:*')).toMatch(/not a recipient/);
  });

  it('should reject unknown rights, channels and settings', () => {
    expect(reason('RIGHT', 'access')).toMatch(/not a right/);
    expect(reason('RIGHT', '*')).toMatch(/not a right/);
    expect(reason('COMMUNICATION', 'marketing')).toMatch(/not a channel/);
    expect(reason('MINORS', 'age')).toMatch(/not a setting/);
    expect(reason('AMENDMENT', '*')).toMatch(/not a setting/);
  });

  it('should reject an unknown topic', () => {
    expect(reason('PRIVACY' as ClauseTopic, 'x')).toMatch(/unknown topic/);
  });
});

describe('subject matching', () => {
  it('should know which topics name categories', () => {
    expect(['COLLECTION', 'USE', 'SHARING', 'RETENTION', 'ENCRYPTION'].every((t) => topicHasCategory(t as ClauseTopic))).toBe(true);
    expect(['RIGHT', 'COMMUNICATION', 'MINORS', 'AMENDMENT'].some((t) => topicHasCategory(t as ClauseTopic))).toBe(false);
  });

  it('should list covering subjects nearest first, category depth first', () => {
    expect(coveringSubjects('USE', ['user.contact', 'marketing.email'])).toEqual([
      'user.contact:marketing.email', 'user.contact:marketing', 'user.contact:*',
      'user:marketing.email', 'user:marketing', 'user:*',
      '*:marketing.email', '*:marketing', '*:*',
    ]);
    expect(coveringSubjects('SHARING', ['device.log', 'third_party'])).toEqual(['device.log:third_party', 'device:third_party', '*:third_party']);
    expect(coveringSubjects('COMMUNICATION', ['announcement'])).toEqual(['announcement', '*']);
    expect(coveringSubjects('RIGHT', ['ACCESS'])).toEqual(['ACCESS']);
  });

  it('should compute specificity with the wildcard at depth 0', () => {
    expect(subjectSpecificity('USE', ['*', 'marketing.email'])).toEqual([0, 2]);
    expect(subjectSpecificity('SHARING', ['device.location', 'public'])).toEqual([2, 1]);
  });

  it('should decide coverage per component', () => {
    expect(subjectCovers('USE', ['user', '*'], ['user.contact.email', 'marketing.email'])).toBe(true);
    expect(subjectCovers('USE', ['user', 'marketing'], ['user', '*'])).toBe(false);
    expect(subjectCovers('SHARING', ['*', 'public'], ['device', 'third_party'])).toBe(false);
    expect(subjectCovers('COMMUNICATION', ['*'], ['announcement'])).toBe(true);
  });

  it('should compute the meet of overlapping subjects and none for disjoint ones', () => {
    expect(meetOfSubjects('USE', ['*', 'marketing.email'], ['user.contact.email', '*'])).toBe('user.contact.email:marketing.email');
    expect(meetOfSubjects('USE', ['user', '*'], ['user.contact', 'legal'])).toBe('user.contact:legal');
    expect(meetOfSubjects('USE', ['user', '*'], ['device', '*'])).toBeNull();
    expect(meetOfSubjects('SHARING', ['*', 'public'], ['device', 'third_party'])).toBeNull();
  });
});

describe('fixedSubjectsOf', () => {
  it('should list every subject of the topics that name no category, * included where it is allowed', () => {
    expect(fixedSubjectsOf('RIGHT')).toEqual(['ACCESS', 'CORRECT', 'DELETE', 'EXPORT', 'UNSUBSCRIBE']);
    expect(fixedSubjectsOf('COMMUNICATION')).toEqual(['marketing.email', 'marketing.push', 'announcement', '*']);
    expect(fixedSubjectsOf('AMENDMENT')).toEqual(['notice_days']);
  });

  it('should accept each listed subject and have no list for taxonomy subjects', () => {
    for (const topic of ['RIGHT', 'COMMUNICATION', 'MINORS', 'AMENDMENT'] as const) {
      for (const subject of fixedSubjectsOf(topic)!) expect(parseSubject(topic, subject).ok).toBe(true);
    }
    expect(fixedSubjectsOf('SHARING')).toBeNull();
    expect(fixedSubjectsOf('RETENTION')).toBeNull();
  });
});

describe('isCategorySubject', () => {
  it('should be true exactly for the topics whose subject is one category', () => {
    expect(CLAUSE_TOPICS.filter(isCategorySubject)).toEqual(['COLLECTION', 'RETENTION', 'ENCRYPTION']);
  });
});
