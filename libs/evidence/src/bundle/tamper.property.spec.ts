import fc from 'fast-check';
import { canonicalJson } from '../audit/audit-event-hash';
import { makeBundleFixture } from '../testing/bundle-fixture';
import { recordPath } from './failures';
import { verifyBundle } from './verify-bundle';

const { key, bundle, text } = makeBundleFixture();
const bytes = Buffer.from(text, 'utf8');

/** Where each record and event lies in the file, by the path a failure names. */
const spans = [
  ...Object.entries(bundle.sections).flatMap(([section, records]) => records.map((record, i) => ({ path: recordPath(section, i), json: canonicalJson(record) }))),
  ...bundle.events.map((event, i) => ({ path: `events[${i}]`, json: canonicalJson(event) })),
].map(({ path, json }) => {
  const start = bytes.indexOf(json);
  if (start < 0 || bytes.indexOf(json, start + 1) >= 0) throw new Error(`${path} is not once in the file`);
  return { path, start, end: start + Buffer.byteLength(json) };
});

const tamperArb = fc.record({ position: fc.nat(bytes.length - 1), value: fc.nat(255) }).filter(({ position, value }) => bytes[position] !== value);

describe('a bundle tampered in one byte (property)', () => {
  it('should fail verification, naming the record or event the byte belongs to', () => {
    fc.assert(
      fc.property(tamperArb, ({ position, value }) => {
        const tampered = Buffer.from(bytes);
        tampered[position] = value;
        const result = verifyBundle(tampered, key);
        expect(result.ok).toBe(false);
        const span = spans.find((s) => position >= s.start && position < s.end);
        if (span && result.failures[0].code !== 'PARSE_ERROR') {
          expect(result.failures.map((f) => f.path)).toContain(span.path);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should name the record in every byte of its data that keeps the file JSON', () => {
    const span = spans.find((s) => s.path === 'sections.services[0]')!;
    for (let position = span.start; position < span.end; position++) {
      const tampered = Buffer.from(bytes);
      tampered[position] = bytes[position] === 0x30 ? 0x31 : 0x30; // a digit: often still JSON
      const result = verifyBundle(tampered, key);
      expect(result.ok).toBe(false);
      if (result.failures[0].code !== 'PARSE_ERROR') expect(result.failures).toContainEqual(expect.objectContaining({ path: 'sections.services[0]' }));
    }
  });
});
