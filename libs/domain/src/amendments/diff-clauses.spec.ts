import { clause } from '../testing/builders';
import { diffClauses } from './diff-clauses';

describe('diffClauses', () => {
  it('should classify every (topic, subject) and sort by topic then subject', () => {
    const previous = [
      clause('RIGHT', 'ACCESS', 'GRANTED'),
      clause('RETENTION', 'device.log', '90'),
      clause('SHARING', '*:third_party', 'CONSENT'),
      clause('COLLECTION', 'user', 'CONSENT'),
    ];
    const next = [
      clause('COLLECTION', 'user', 'CONSENT'),
      clause('SHARING', '*:third_party', 'PROHIBITED'),
      clause('RETENTION', 'device.log', '365'),
      clause('SHARING', 'device.log:third_party', 'ALLOWED'),
    ];
    expect(diffClauses(previous, next)).toEqual([
      { topic: 'COLLECTION', subject: 'user', kind: 'UNCHANGED', before: 'CONSENT', after: 'CONSENT' },
      { topic: 'SHARING', subject: '*:third_party', kind: 'STRICTER', before: 'CONSENT', after: 'PROHIBITED' },
      { topic: 'SHARING', subject: 'device.log:third_party', kind: 'ADDED', before: null, after: 'ALLOWED' },
      { topic: 'RETENTION', subject: 'device.log', kind: 'WEAKER', before: '90', after: '365' },
      { topic: 'RIGHT', subject: 'ACCESS', kind: 'REMOVED', before: 'GRANTED', after: null },
    ]);
  });

  it('should mark everything ADDED for a first version', () => {
    expect(diffClauses(null, [clause('RIGHT', 'ACCESS', 'GRANTED')]).map((c) => c.kind)).toEqual(['ADDED']);
  });

  it('should treat a change of lock or text alone as UNCHANGED', () => {
    const [c] = diffClauses([clause('RIGHT', 'ACCESS', 'GRANTED', { locked: true, text: 'a' })], [clause('RIGHT', 'ACCESS', 'GRANTED', { text: 'b' })]);
    expect(c.kind).toBe('UNCHANGED');
  });

  it('should not depend on the order clauses are listed in', () => {
    const a = [clause('RIGHT', 'ACCESS', 'GRANTED'), clause('COLLECTION', '*', 'ALLOWED'), clause('COLLECTION', 'device', 'CONSENT')];
    const b = [clause('COLLECTION', 'device', 'PROHIBITED'), clause('RIGHT', 'DELETE', 'GRANTED')];
    expect(diffClauses([...a].reverse(), [...b].reverse())).toEqual(diffClauses(a, b));
  });
});
