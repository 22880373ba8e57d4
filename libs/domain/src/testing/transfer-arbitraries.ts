/* fast-check arbitraries for the transfer property specs (not exported from the library). */
import fc from 'fast-check';
import type { AssessmentRecord } from '../assessments/status-at';
import { DAY_MS } from '../shared/dates';
import { ADEQUACY_SCOPES, type AdequacyEntry, ORGANISATION_SECTORS } from '../transfers/adequacy-register';
import { TRANSFER_MECHANISMS } from '../transfers/mechanisms';
import type { ArrangementContent, ProcessorTransferFacts } from '../transfers/transfer-facts';
import { tiaContentFingerprint } from '../transfers/tia-fingerprint';
import type { ImpactArrangement } from '../what-if/transfer-impact';

export const BASE = Date.UTC(2026, 0, 1);
/** Whole days around 2026-01-01, so that instants collide often. */
export const instantArb = fc.integer({ min: -60, max: 60 }).map((d) => new Date(BASE + d * DAY_MS));

/** A few countries, two inside the EEA, so that registers and recipients overlap. */
export const COUNTRIES = ['DE', 'FR', 'US', 'GB', 'IN', 'JP', 'CA'] as const;
export const countryArb = fc.constantFrom(...COUNTRIES);

export const entryArb: fc.Arbitrary<AdequacyEntry> = fc
  .record({
    country: countryArb,
    validFrom: instantArb,
    length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    recordedLate: fc.integer({ min: -30, max: 60 }),
    scope: fc.option(fc.constantFrom(...ADEQUACY_SCOPES), { nil: null }),
  })
  .map(({ country, validFrom, length, recordedLate, scope }) => ({
    country,
    validFrom,
    validUntil: length === null ? null : new Date(validFrom.getTime() + length * DAY_MS),
    scope,
    recordedAt: new Date(validFrom.getTime() + recordedLate * DAY_MS),
  }));

export const registerArb = fc.array(entryArb, { maxLength: 8 });

const recipientExtras = { certifications: fc.subarray(['DPF', 'ISO 27001']), sector: fc.option(fc.constantFrom(...ORGANISATION_SECTORS), { nil: undefined }) };
const mechanismArb = fc.option(fc.constantFrom(...TRANSFER_MECHANISMS), { nil: null });

export const processorArb: fc.Arbitrary<ProcessorTransferFacts> = fc.record({
  key: fc.constantFrom('acme', 'beta'),
  country: countryArb,
  transferMechanism: mechanismArb,
  ...recipientExtras,
  subProcessors: fc.array(fc.record({ name: fc.constantFrom('hosting', 'mail'), country: countryArb, transferMechanism: mechanismArb, ...recipientExtras }), { maxLength: 2 }),
});

export const contentArb: fc.Arbitrary<ArrangementContent> = fc.record({
  dataCategories: fc.subarray(['device.log', 'device.location', 'user.account'], { minLength: 1 }),
  purposes: fc.subarray(['service.improve', 'personalize']),
  legalBasis: fc.constantFrom('CONTRACT', 'CONSENT'),
});

/** TIAs of the arrangement: approved or not, current or not, of its content or of another. */
export function tiasArb(c: ArrangementContent, p: ProcessorTransferFacts): fc.Arbitrary<AssessmentRecord[]> {
  return fc.array(
    fc.record({ approvedAt: instantArb, months: fc.integer({ min: 1, max: 4 }), ownContent: fc.boolean(), approved: fc.boolean() }).map(({ approvedAt, months, ownContent, approved }) => ({
      kind: 'TIA' as const,
      status: approved ? ('APPROVED' as const) : ('IN_REVIEW' as const),
      approvedAt: approved ? approvedAt : null,
      reviewDueAt: new Date(approvedAt.getTime() + months * 30 * DAY_MS),
      assessedCategories: [],
      assessedContent: ownContent ? tiaContentFingerprint(c, p) : 'tia-content/1:{}',
    })),
    { maxLength: 2 },
  );
}

export const arrangementArb: fc.Arbitrary<ImpactArrangement> = fc
  .tuple(contentArb, processorArb, fc.constantFrom('DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REVOKED') , fc.constantFrom('maps', 'photos'))
  .chain(([c, p, status, serviceKey]) => tiasArb(c, p).map((tias) => ({ ...c, processor: p, status, serviceKey, tias, id: '' })));

export const arrangementsArb = fc.array(arrangementArb, { maxLength: 6 }).map((list) => list.map((a, i) => ({ ...a, id: `a${i}` })));
