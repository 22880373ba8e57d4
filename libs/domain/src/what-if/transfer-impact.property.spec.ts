import fc from 'fast-check';
import { EEA } from '../testing/transfer-builders';
import { COUNTRIES, arrangementArb, arrangementsArb, instantArb, registerArb } from '../testing/transfer-arbitraries';
import { type AdequacyEntry, AdequacyRegister } from '../transfers/adequacy-register';
import { SAFEGUARD_MECHANISMS, type TransferMechanism } from '../transfers/mechanisms';
import { transferAssessment } from '../transfers/transfer-assessment';
import { type ImpactArrangement, transferImpact } from './transfer-impact';

const withdrawArb = fc.subarray([...COUNTRIES]);
const invalidArb = fc.subarray<TransferMechanism>(['ADEQUACY_DECISION', ...SAFEGUARD_MECHANISMS]);

/** An officer's withdrawal as the register records it: an entry from `from` that holds no adequacy. */
const withdrawnByHand = (entries: readonly AdequacyEntry[], countries: readonly string[], from: Date): AdequacyEntry[] => [
  ...entries,
  ...countries.map((country) => ({ country, validFrom: from, validUntil: from, scope: null, recordedAt: from })),
];

const assessAt = (a: ImpactArrangement, adequacy: readonly AdequacyEntry[], at: Date, invalidMechanisms: readonly TransferMechanism[] = []) =>
  transferAssessment({ arrangement: a, processor: a.processor, homeRegion: EEA, adequacy, tias: a.tias, at, invalidMechanisms });

describe('transfers (properties)', () => {
  it('should never make a transfer more lawful by withdrawing adequacy, at any instant', () => {
    fc.assert(
      fc.property(registerArb, arrangementArb, withdrawArb, instantArb, instantArb, (entries, a, withdraw, from, at) => {
        const before = assessAt(a, entries, at);
        const after = transferAssessment({ arrangement: a, processor: a.processor, homeRegion: EEA, tias: a.tias, at, adequacy: new AdequacyRegister(entries).withdrawn(withdraw, from) });
        after.forEach((t, i) => {
          if (t.lawful) expect([t.recipient, before[i].lawful]).toEqual([t.recipient, true]);
          if (at.getTime() < from.getTime()) expect(t).toEqual(before[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('should never make a transfer more lawful by invalidating a mechanism', () => {
    fc.assert(
      fc.property(registerArb, arrangementsArb, invalidArb, instantArb, (entries, arrangements, invalid, at) => {
        for (const a of arrangements) {
          const before = assessAt(a, entries, at);
          assessAt(a, entries, at, invalid).forEach((t, i) => expect(!t.lawful || before[i].lawful).toBe(true));
        }
      }),
    );
  });

  it('should equal recomputing every arrangement with the register changed', () => {
    fc.assert(
      fc.property(registerArb, arrangementsArb, withdrawArb, invalidArb, instantArb, (entries, arrangements, withdraw, invalid, from) => {
        const impact = transferImpact({ withdrawAdequacy: withdraw, invalidateMechanisms: invalid, from }, { arrangements, homeRegion: EEA, adequacy: entries, enforceFrom: null });
        const changed = withdrawnByHand(entries, withdraw, from);

        const expected = arrangements.flatMap((a) => {
          if (a.status === 'REVOKED') return [];
          const before = assessAt(a, entries, from);
          const after = assessAt(a, changed, from, invalid);
          const lost = before.map((b, i) => ({ b, a: after[i] })).filter(({ b, a }) => b.lawful && b.restricted && a.basis !== b.basis);
          if (!lost.length) return [];
          const hasFallback = lost.every(({ a }) => a.lawful);
          return [
            {
              id: a.id,
              countries: [...new Set(lost.map(({ b }) => b.country))].sort(),
              hasFallback,
              opening: a.status === 'APPROVED' && !hasFallback ? before.filter((b, i) => b.lawful && !after[i].lawful).length : 0,
            },
          ];
        });
        expect(impact.affected.map((i) => ({ id: i.arrangementId, countries: i.countries, hasFallback: i.hasFallback, opening: i.findingsOpening.length }))).toEqual(expected);
        for (const f of impact.affected.flatMap((i) => i.findingsOpening)) expect(f).toMatchObject({ rule: 'TRANSFER_UNLAWFUL', severity: 'LOW' });
      }),
      { numRuns: 300 },
    );
  });
});
