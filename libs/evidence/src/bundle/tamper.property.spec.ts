import fc from 'fast-check';
import { makeBundleFixture } from '../testing/bundle-fixture';
import { verifyBundle } from './verify-bundle';

const { key, text } = makeBundleFixture();
const bytes = Buffer.from(text, 'utf8');

/** The 1-based line each byte lies in (a newline belongs to the line it ends). */
const lineStarts = [0, ...[...bytes.entries()].filter(([, b]) => b === 0x0a).map(([i]) => i + 1)].slice(0, -1);
const lineOf = (position: number) => lineStarts.filter((start) => start <= position).length;

/** Whitespace after the last line is not content (as whitespace between JSON tokens is not). */
const isContentChange = ({ position, value }: { position: number; value: number }) => bytes[position] !== value && !(position === bytes.length - 1 && [0x09, 0x0d, 0x20].includes(value));
const tamperArb = fc.record({ position: fc.nat(bytes.length - 1), value: fc.nat(255) }).filter(isContentChange);

describe('a bundle tampered in one byte (property)', () => {
  it('should fail verification, naming the line (the record, event, head or end) the byte belongs to', () => {
    fc.assert(
      fc.property(tamperArb, ({ position, value }) => {
        const tampered = Buffer.from(bytes);
        tampered[position] = value;
        const result = verifyBundle(tampered, key);
        expect(result.ok).toBe(false);
        if (result.failures[0].message === 'the file is not UTF-8 text') return;
        // A byte turned into a newline splits its line in two: the prefix keeps the number, the rest is the next line.
        const named = value === 0x0a ? [lineOf(position), lineOf(position) + 1] : [lineOf(position)];
        expect(result.failures.map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^line (${named.join('|')})$`))]));
      }),
      // The first byte made a newline: the whole header line moves to line 2.
      { numRuns: 1000, examples: [[{ position: 0, value: 0x0a }]] },
    );
  });

  it('should name the record in every byte of its line that keeps the file JSON', () => {
    const line = 13; // services maps
    const [start, end] = [lineStarts[line - 1], lineStarts[line] - 1];
    expect(JSON.parse(bytes.subarray(start, end).toString())).toMatchObject({ kind: 'record', section: 'services', key: 'maps' });
    for (let position = start; position < end; position++) {
      const tampered = Buffer.from(bytes);
      tampered[position] = bytes[position] === 0x30 ? 0x31 : 0x30; // a digit: often still JSON
      const result = verifyBundle(tampered, key);
      expect(result.ok).toBe(false);
      const named = result.failures.filter((f) => f.path === `line ${line}`);
      expect(named.length).toBeGreaterThan(0);
      // The record as the line now reads: a changed key or section is named as changed.
      expect(named.some((f) => f.code === 'PARSE_ERROR' || f.code === 'FORMAT_ERROR' || (f.section !== undefined && f.record !== undefined))).toBe(true);
    }
  });
});
