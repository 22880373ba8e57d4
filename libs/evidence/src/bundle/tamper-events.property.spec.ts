import fc from 'fast-check';
import { makeBundleFixture } from '../testing/bundle-fixture';
import type { EvidenceBundle } from './format';
import { serializeBundle } from './create-bundle';
import { verifyBundle } from './verify-bundle';

const { key, bundle } = makeBundleFixture();
const copy = (): EvidenceBundle => JSON.parse(JSON.stringify(bundle));
const n = bundle.events.length;
const citing = (seq: number) =>
  Object.entries(bundle.sections).flatMap(([section, records]) => records.filter((r) => r.events.includes(seq)).map((r) => `${section}/${r.key}`));

/**
 * The tamperings an auditor's verifier must catch whatever event they touch
 * (DESIGN.md section 10): a changed event, a reordered pair, a truncated
 * tail. Each fails at the events or records it touched, never elsewhere
 * only, and never verifies.
 */
describe('a bundle whose events were tampered with (property)', () => {
  it('should fail any changed event at that event (EVENT_HASH), whatever field changed', () => {
    const fields = ['action', 'entityId', 'actorEmail', 'at'] as const;
    fc.assert(
      fc.property(fc.nat(n - 1), fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 8 }), (index, field, suffix) => {
        const tampered = copy();
        const body = tampered.events[index].body as Record<string, unknown>;
        body[field] = `${body[field] ?? ''}${suffix}`;
        const result = verifyBundle(serializeBundle(tampered), key);
        expect(result.ok).toBe(false);
        expect(result.failures).toContainEqual(expect.objectContaining({ code: 'EVENT_HASH', seq: tampered.events[index].seq, path: `events[${index}]` }));
      }),
      { numRuns: 200 },
    );
  });

  it('should fail any reordered pair of events at both (their leaves are not where the proofs put them)', () => {
    const pairs = fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const tampered = copy();
        const [x, y] = [tampered.events[a], tampered.events[b]];
        tampered.events[a] = { ...y, seq: x.seq, inclusionProof: x.inclusionProof };
        tampered.events[b] = { ...x, seq: y.seq, inclusionProof: y.inclusionProof };
        const result = verifyBundle(serializeBundle(tampered), key);
        expect(result.ok).toBe(false);
        const unproven = result.failures.filter((f) => f.code === 'INCLUSION_PROOF').map((f) => f.seq);
        expect(unproven.sort()).toEqual([x.seq, y.seq].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('should fail any truncated tail of events at every record citing a dropped one (MISSING_EVENT)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: n }), (dropped) => {
        const tampered = copy();
        const gone = tampered.events.splice(n - dropped, dropped).map((e) => e.seq);
        const result = verifyBundle(serializeBundle(tampered), key);
        expect(result.ok).toBe(false);
        const missing = new Set(result.failures.filter((f) => f.code === 'MISSING_EVENT').map((f) => `${f.section}/${f.record}`));
        expect(missing).toEqual(new Set(gone.flatMap(citing)));
      }),
      { numRuns: 50 },
    );
  });

  it('should fail a file cut anywhere (PARSE_ERROR), never verify it', () => {
    const text = serializeBundle(bundle);
    fc.assert(
      fc.property(fc.nat(text.length - 1), (length) => {
        const result = verifyBundle(text.slice(0, length), key);
        expect(result.ok).toBe(false);
        expect(result.failures[0].code).toBe('PARSE_ERROR');
      }),
      { numRuns: 200 },
    );
  });
});
