import { approvedTia, content, day, EEA, processor } from '../testing/transfer-builders';
import { ADEQUACY_SEED } from '../transfers/adequacy-seed';
import { type ImpactArrangement, type TransferImpactFacts, transferImpact, transferScenarioErrors } from './transfer-impact';

const from = day('2026-06-01');
const dpf = { country: 'US', certifications: ['DPF'] };
const arrangement = (id: string, over: Partial<ImpactArrangement> = {}): ImpactArrangement => ({
  ...content(),
  id,
  serviceKey: 'maps',
  status: 'APPROVED',
  processor: processor({ key: `p-${id}`, ...dpf, transferMechanism: 'ADEQUACY_DECISION' }),
  tias: [],
  ...over,
});
const withScc = processor({ key: 'p-a2', ...dpf, transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });

const facts = (over: Partial<TransferImpactFacts> = {}): TransferImpactFacts => ({
  arrangements: [
    arrangement('a1'),
    arrangement('a2', { processor: withScc, tias: [approvedTia(content(), withScc, '2026-01-10', '2027-01-10')] }),
    arrangement('a3', { serviceKey: 'photos', processor: processor({ key: 'p-a3', country: 'FR', subProcessors: [{ name: 'cdn', ...dpf, transferMechanism: null }] }) }),
    arrangement('a4', { status: 'REVOKED' }),
    arrangement('a5', { processor: processor({ key: 'p-a5', country: 'JP', transferMechanism: 'ADEQUACY_DECISION' }) }),
    arrangement('a6', { status: 'PENDING_REVIEW' }),
    arrangement('a7', { processor: processor({ key: 'p-a7', country: 'US', transferMechanism: 'ADEQUACY_DECISION' }) }),
  ],
  homeRegion: EEA,
  adequacy: ADEQUACY_SEED,
  enforceFrom: day('2026-03-01'),
  ...over,
});

describe('transferImpact', () => {
  const impact = transferImpact({ withdrawAdequacy: ['us'], from }, facts());

  it('should describe the scenario', () => {
    expect(impact.scenario).toBe('adequacy withdrawn for US from 2026-06-01T00:00:00.000Z');
  });

  it('should list the live arrangements that lose the basis of a transfer, with or without a fallback', () => {
    expect(impact.affected.map((i) => [i.arrangementId, i.serviceKey, i.processorKey, i.countries, i.hasFallback])).toEqual([
      ['a1', 'maps', 'p-a1', ['US'], false],
      ['a2', 'maps', 'p-a2', ['US'], true],
      ['a3', 'photos', 'p-a3', ['US'], false],
      ['a6', 'maps', 'p-a6', ['US'], false],
    ]);
    expect(impact.affected[1].legs).toEqual([
      { recipient: 'processor p-a2', country: 'US', before: 'ADEQUACY_DECISION', after: 'STANDARD_CONTRACTUAL_CLAUSES + TIA', reason: expect.stringContaining('lawful on STANDARD_CONTRACTUAL_CLAUSES with the TIA approved on 2026-01-10') },
    ]);
  });

  it('should leave out what is already unlawful (no DPF), revoked, or elsewhere', () => {
    expect(impact.affected.map((i) => i.arrangementId)).not.toEqual(expect.arrayContaining(['a4', 'a5', 'a7']));
  });

  it('should open TRANSFER_UNLAWFUL for approved arrangements without a fallback only', () => {
    expect(impact.affected.map((i) => [i.arrangementId, i.findingsOpening.map((f) => [f.rule, f.severity])])).toEqual([
      ['a1', [['TRANSFER_UNLAWFUL', 'CRITICAL']]],
      ['a2', []],
      ['a3', [['TRANSFER_UNLAWFUL', 'CRITICAL']]],
      ['a6', []],
    ]);
    expect(impact.affected[2].findingsOpening[0].message).toBe(
      'approved arrangement a3 with processor p-a3 transfers data unlawfully: sub-processor cdn in US: not lawful: the adequacy decision for US ended on 2026-06-01; no other transfer mechanism is recorded',
    );
  });

  it('should open them LOW before enforcement, saying from when they count', () => {
    const early = transferImpact({ withdrawAdequacy: ['US'], from }, facts({ enforceFrom: day('2026-09-01') }));
    expect(early.affected[0].findingsOpening[0]).toMatchObject({ severity: 'LOW', message: expect.stringContaining('(advisory: counts from 2026-09-01T00:00:00.000Z)') });
  });

  it('should take away safeguards too, and find nothing when nothing changes', () => {
    const noScc = transferImpact({ invalidateMechanisms: ['STANDARD_CONTRACTUAL_CLAUSES'], withdrawAdequacy: ['US'], from }, facts());
    expect(noScc.affected.find((i) => i.arrangementId === 'a2')).toMatchObject({ hasFallback: false, findingsOpening: [{ rule: 'TRANSFER_UNLAWFUL' }] });
    expect(transferImpact({ from }, facts())).toEqual({ scenario: 'nothing changes from 2026-06-01T00:00:00.000Z', from, affected: [] });
  });

  it('should refuse unknown countries and mechanisms', () => {
    expect(transferScenarioErrors({ withdrawAdequacy: ['us', 'EU'], invalidateMechanisms: ['SCC'] })).toEqual([
      { argument: 'scenario.withdrawAdequacy[1]', message: '"EU" is not an ISO 3166-1 alpha-2 country code' },
      { argument: 'scenario.invalidateMechanisms[0]', message: '"SCC" is not a transfer mechanism' },
    ]);
  });
});
