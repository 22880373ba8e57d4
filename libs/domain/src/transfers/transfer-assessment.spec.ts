import type { AssessmentRecord } from '../assessments/status-at';
import { EEA, approvedTia, content, day, entry, processor } from '../testing/transfer-builders';
import type { AdequacyEntry } from './adequacy-register';
import { ADEQUACY_SEED } from './adequacy-seed';
import { SAFEGUARD_MECHANISMS } from './mechanisms';
import { type TransferAssessmentInput, derogationErrors, transferAssessment } from './transfer-assessment';
import type { ProcessorTransferFacts } from './transfer-facts';

const c = content();
const assess = (p: ProcessorTransferFacts, at: string, over: Partial<TransferAssessmentInput> = {}) =>
  transferAssessment({ arrangement: c, processor: p, homeRegion: EEA, adequacy: ADEQUACY_SEED, tias: [], at: day(at), ...over });
const only = (p: ProcessorTransferFacts, at: string, over: Partial<TransferAssessmentInput> = {}) => {
  const rows = assess(p, at, over);
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe('transferAssessment', () => {
  it('should not restrict a transfer inside the home region', () => {
    expect(only(processor({ country: 'FR' }), '2026-03-01')).toEqual({
      recipient: 'processor acme',
      recipientKind: 'PROCESSOR',
      country: 'FR',
      restricted: false,
      lawful: true,
      basis: null,
      mechanism: null,
      fallback: null,
      reason: 'processor acme in FR: inside the home region EEA, not a restricted transfer',
    });
  });

  it('should follow the home region it is given', () => {
    expect(only(processor({ country: 'CH' }), '2026-03-01', { homeRegion: { name: 'EEA and CH', countries: [...EEA.countries, 'CH'] } }).restricted).toBe(false);
  });

  describe('on an adequacy decision', () => {
    const decision = (recordedAt: string): AdequacyEntry[] => [entry('NZ', '2012-12-19', { validUntil: day('2027-01-01'), recordedAt: day(recordedAt) })];
    const nz = processor({ country: 'NZ' });

    it.each([
      ['before the decision', '2012-12-18', false, false],
      ['after it, before a late record', '2014-01-01', true, false],
      ['during it, once recorded', '2016-01-01', true, true],
      ['after it ended', '2027-01-01', false, false],
    ])('should be lawful %s: recorded on time %s, late %s', (_when, at, onTime, late) => {
      expect(only(nz, at, { adequacy: decision('2012-12-19') }).lawful).toBe(onTime);
      expect(only(nz, at, { adequacy: decision('2015-06-01') }).lawful).toBe(late);
    });

    it('should name the basis and the decision, and why not once it ended', () => {
      expect(only(nz, '2016-01-01', { adequacy: decision('2012-12-19') })).toMatchObject({
        basis: 'ADEQUACY_DECISION',
        reason: 'processor acme in NZ: lawful on adequacy decision for NZ (from 2012-12-19 until 2027-01-01)',
      });
      expect(only(nz, '2027-01-01', { adequacy: decision('2012-12-19') }).reason).toBe(
        'processor acme in NZ: not lawful: the adequacy decision for NZ ended on 2027-01-01; no other transfer mechanism is recorded',
      );
    });

    it('should not cover a US processor without DPF certification', () => {
      const us = processor({ country: 'US', certifications: ['SOC 2 Type II'], transferMechanism: 'ADEQUACY_DECISION' });
      expect(only(us, '2026-03-01')).toMatchObject({
        lawful: false,
        basis: null,
        reason: 'processor acme in US: not lawful: the adequacy decision for US covers only organisations certified under the EU-US Data Privacy Framework (certification DPF); it records ADEQUACY_DECISION as its mechanism',
      });
      expect(only({ ...us, certifications: ['DPF'] }, '2026-03-01')).toMatchObject({ lawful: true, basis: 'ADEQUACY_DECISION' });
    });
  });

  describe.each(SAFEGUARD_MECHANISMS)('on %s with a TIA', (mechanism) => {
    const india = processor({ country: 'IN', transferMechanism: mechanism });
    const tias: AssessmentRecord[] = [approvedTia(c, india, '2026-01-10', '2027-01-10')];

    it.each([
      ['before the TIA is approved', '2026-01-09', false],
      ['while it is current', '2026-06-01', true],
      ['once its review is due', '2027-01-10', false],
    ])('should be lawful %s: %s', (_when, at, lawful) => {
      const row = only(india, at, { tias });
      expect(row.lawful).toBe(lawful);
      expect(row.basis).toBe(lawful ? `${mechanism} + TIA` : null);
    });

    it('should not be lawful without a TIA, or with a stale one', () => {
      expect(only(india, '2026-06-01').reason).toBe(`processor acme in IN: not lawful: no adequacy decision covers IN; ${mechanism} needs an approved, unexpired, current TIA: no TIA covers the arrangement`);
      const changed = { ...india, subProcessors: [{ name: 'mail', country: 'BR', transferMechanism: mechanism }] };
      expect(assess(changed, '2026-06-01', { tias })[0].reason).toContain("the latest approved TIA is STALE (the arrangement's content changed since it was assessed)");
    });

    it('should not be lawful once the mechanism is taken as invalid', () => {
      expect(only(india, '2026-06-01', { tias, invalidMechanisms: [mechanism] })).toMatchObject({ lawful: false, reason: expect.stringContaining(`${mechanism} is taken as invalid`) });
    });
  });

  it('should report another valid basis as the fallback', () => {
    const us = processor({ country: 'US', certifications: ['DPF'], transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
    const tias = [approvedTia(c, us, '2026-01-10', '2027-01-10')];
    expect(only(us, '2026-06-01', { tias })).toMatchObject({ basis: 'ADEQUACY_DECISION', fallback: 'STANDARD_CONTRACTUAL_CLAUSES + TIA' });
    expect(only(us, '2026-06-01', { tias, invalidMechanisms: ['ADEQUACY_DECISION'] })).toMatchObject({ basis: 'STANDARD_CONTRACTUAL_CLAUSES + TIA', fallback: null });
    expect(only(us, '2026-06-01')).toMatchObject({ basis: 'ADEQUACY_DECISION', fallback: null });
  });

  it('should never accept a derogation, and say so', () => {
    const row = only(processor({ country: 'IN', transferMechanism: 'DEROGATION' }), '2026-06-01');
    expect(row).toMatchObject({ restricted: true, lawful: false, basis: 'DEROGATION' });
    expect(row.reason).toContain('a derogation (Art. 49) is for occasional transfers and never a basis for a sharing arrangement');
  });

  it('should refuse a restricted recipient that records no mechanism', () => {
    expect(only(processor({ country: 'IN', transferMechanism: 'NOT_REQUIRED' }), '2026-06-01')).toMatchObject({ lawful: false, basis: null });
  });

  it('should assess each sub-processor on its own country and mechanism', () => {
    const p = processor({
      country: 'FR',
      subProcessors: [
        { name: 'hosting', country: 'us', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' },
        { name: 'support', country: 'CH', transferMechanism: null },
      ],
    });
    const rows = assess(p, '2026-06-01', { tias: [approvedTia(c, p, '2026-01-10', '2027-01-10')] });
    expect(rows.map((r) => [r.recipient, r.recipientKind, r.country, r.restricted, r.lawful, r.basis])).toEqual([
      ['processor acme', 'PROCESSOR', 'FR', false, true, null],
      ['sub-processor hosting', 'SUB_PROCESSOR', 'US', true, true, 'STANDARD_CONTRACTUAL_CLAUSES + TIA'],
      ['sub-processor support', 'SUB_PROCESSOR', 'CH', true, true, 'ADEQUACY_DECISION'],
    ]);
  });
});

describe('derogationErrors', () => {
  it('should name each recipient outside the home region that records a derogation', () => {
    const p = processor({ country: 'FR', transferMechanism: 'DEROGATION', subProcessors: [{ name: 'callcentre', country: 'MA', transferMechanism: 'DEROGATION' }] });
    expect(derogationErrors(p, EEA).map((e) => [e.recipient, e.country])).toEqual([['sub-processor callcentre', 'MA']]);
    expect(derogationErrors(processor({ country: 'IN', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }), EEA)).toEqual([]);
  });
});
