import fc from 'fast-check';
import { bundleText, makeBundleFixture } from '../testing/bundle-fixture';
import { parseBundle } from './read-bundle';
import { verifyBundle } from './verify-bundle';

const { key, text, view } = makeBundleFixture();
const copy = () => parseBundle(text);
const n = view.events.length;
/** Event i (0-based) is on line i + 2: the header is line 1, the events come first. */
const eventLine = (index: number) => `line ${index + 2}`;
const citing = (seq: number) =>
  Object.entries(view.sections).flatMap(([section, records]) => records.filter((r) => r.events.includes(seq)).map((r) => `${section}/${r.key}`));

/**
 * The tamperings an auditor's verifier must catch whatever event they touch
 * (DESIGN.md section 10): a changed event, a reordered pair, a truncated
 * tail. Each fails at the events or records it touched, and never verifies.
 */
describe('a bundle whose events were tampered with (property)', () => {
  it('should fail any changed event at that event (EVENT_HASH), whatever field changed', () => {
    const fields = ['action', 'entityId', 'actorEmail', 'at'] as const;
    fc.assert(
      fc.property(fc.nat(n - 1), fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 8 }), (index, field, suffix) => {
        const tampered = copy();
        const body = tampered.events[index].body as Record<string, unknown>;
        body[field] = `${body[field] ?? ''}${suffix}`;
        const result = verifyBundle(bundleText(tampered.header, tampered.lines, tampered.end), key);
        expect(result.ok).toBe(false);
        expect(result.failures).toContainEqual(expect.objectContaining({ code: 'EVENT_HASH', seq: tampered.events[index].seq, path: eventLine(index) }));
      }),
      { numRuns: 200 },
    );
  });

  it('should fail any reordered pair of events at both (their leaves are not where the proofs put them)', () => {
    const pairs = fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const { header, lines, end } = copy();
        const [x, y] = [lines[a], lines[b]] as typeof view.events;
        lines[a] = { ...y, seq: x.seq, inclusionProof: x.inclusionProof };
        lines[b] = { ...x, seq: y.seq, inclusionProof: y.inclusionProof };
        const result = verifyBundle(bundleText(header, lines, end), key);
        expect(result.ok).toBe(false);
        const unproven = result.failures.filter((f) => f.code === 'INCLUSION_PROOF').map((f) => f.seq);
        expect(unproven.sort()).toEqual([x.seq, y.seq].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('should fail any dropped tail of events at every record citing a dropped one (MISSING_EVENT)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: n }), (dropped) => {
        const { header, lines, end } = copy();
        const gone = lines.splice(n - dropped, dropped).map((e) => (e as (typeof view.events)[number]).seq);
        const result = verifyBundle(bundleText(header, lines, end), key);
        expect(result.ok).toBe(false);
        const missing = new Set(result.failures.filter((f) => f.code === 'MISSING_EVENT').map((f) => `${f.section}/${f.record}`));
        expect(missing).toEqual(new Set(gone.flatMap(citing)));
      }),
      { numRuns: 50 },
    );
  });

  it('should fail a file cut anywhere, never verify it: TRUNCATED (and PARSE_ERROR for a cut line)', () => {
    fc.assert(
      fc.property(fc.nat(text.length - 2), (length) => {
        const result = verifyBundle(text.slice(0, length), key);
        expect(result.ok).toBe(false);
        const codes = result.failures.map((f) => f.code);
        expect(codes.includes('TRUNCATED') || codes[0] === 'PARSE_ERROR').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
