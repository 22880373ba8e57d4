import fc from 'fast-check';
import { CLAUSE_TOPICS } from './topics';
import { scaleValue } from '../testing/arbitraries';
import { SCALES, compareValues, isLeastProtective } from './scales';

const topicAndValues = (n: number) =>
  fc.constantFrom(...CLAUSE_TOPICS).chain((topic) => fc.tuple(fc.constant(topic), ...Array.from({ length: n }, () => scaleValue(topic))));

const flip = { STRICTER: 'WEAKER', WEAKER: 'STRICTER', EQUAL: 'EQUAL' } as const;

describe('compareValues (properties)', () => {
  it('should be antisymmetric', () => {
    fc.assert(
      fc.property(topicAndValues(2), ([topic, a, b]) => {
        expect(compareValues(topic, b, a)).toBe(flip[compareValues(topic, a, b)]);
      }),
    );
  });

  it('should be EQUAL exactly for identical canonical values', () => {
    fc.assert(
      fc.property(topicAndValues(2), ([topic, a, b]) => {
        expect(compareValues(topic, a, b) === 'EQUAL').toBe(a === b);
      }),
    );
  });

  it('should be transitive', () => {
    fc.assert(
      fc.property(topicAndValues(3), ([topic, a, b, c]) => {
        const ab = compareValues(topic, a, b);
        const bc = compareValues(topic, b, c);
        if (ab === bc) expect(compareValues(topic, a, c)).toBe(ab);
        if (ab === 'EQUAL') expect(compareValues(topic, a, c)).toBe(bc);
        if (bc === 'EQUAL') expect(compareValues(topic, a, c)).toBe(ab);
      }),
    );
  });

  it('should never find a value weaker than the least protective one', () => {
    fc.assert(
      fc.property(topicAndValues(1), ([topic, a]) => {
        const least = SCALES[topic].leastProtective;
        expect(compareValues(topic, a, least)).not.toBe('WEAKER');
        expect(isLeastProtective(topic, a)).toBe(compareValues(topic, a, least) === 'EQUAL');
      }),
    );
  });
});
