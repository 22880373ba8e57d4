import { testDialects } from '@canopy/persistence';
import { codeOf, tableCounts } from '../../../testing/test-server';
import { expectOk, item, propose, registerProcessor, SUBMIT } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

/** The adequacy register and each arrangement's transfers (DESIGN.md section 9), read through the domain's rules. */
const DECISIONS = 'query($at: DateTime) { adequacyDecisions(at: $at) { country validFrom validUntil scope note recordedAt } }';
const SET = 'mutation($i: AdequacyDecisionInput!) { setAdequacyDecision(input: $i) { country validFrom validUntil scope note recordedAt } }';
const TRANSFERS = 'query($id: ID!, $at: DateTime) { sharingArrangement(id: $id) { transfers(at: $at) { country restricted lawful basis reason } } }';
const HEAD = '{ verifyAuditLog { headSeq } }';
const SEEDED = ['AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'US', 'UY'];

describe.each(testDialects())('transfers on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, geo: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo' }],
    inventory: { maps: [item('device.log'), item('user.account')] },
  });
  const { as } = t;
  const head = async () => (await t.gql(HEAD)).data!.verifyAuditLog.headSeq as number;
  const countries = async (at?: string) => (await expectOk(t.gql(DECISIONS, { at }, as.geo))).adequacyDecisions.map((d: any) => d.country);
  const transfers = async (id: string, at?: string) => (await expectOk(t.gql(TRANSFERS, { id, at }, as.auditor))).sharingArrangement.transfers;

  describe('the adequacy register', () => {
    it("should be seeded with the Commission's decisions, each from its adoption day", async () => {
      expect(await countries()).toEqual(SEEDED);
      expect(await countries('2020-01-01T00:00:00Z')).toEqual(['AD', 'AR', 'CA', 'CH', 'FO', 'GG', 'IL', 'IM', 'JE', 'JP', 'NZ', 'UY']);
      const us = (await expectOk(t.gql(DECISIONS, {}, as.geo))).adequacyDecisions.find((d: any) => d.country === 'US');
      expect(us).toEqual(expect.objectContaining({ validFrom: '2023-07-10T00:00:00.000Z', validUntil: null, scope: 'DPF_CERTIFIED', recordedAt: '2023-07-10T00:00:00.000Z' }));
      expect(us.note).toContain('(EU) 2023/1795');
      const gb = (await expectOk(t.gql(DECISIONS, {}, as.geo))).adequacyDecisions.find((d: any) => d.country === 'GB');
      expect(gb.validUntil).toBe('2031-12-28T00:00:00.000Z');
    });

    it('should refuse engineers and auditors with FORBIDDEN, writing nothing', async () => {
      const before = await tableCounts(t.server);
      for (const token of [as.geo, as.auditor]) expect(codeOf(await t.gql(SET, { i: { country: 'BR', validFrom: '2026-01-26T00:00:00Z' } }, token))).toBe('FORBIDDEN');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it.each([
      ['an unknown country', { country: 'ZZ' }, 'input.country'],
      ['an end before its start', { validUntil: '2025-01-01T00:00:00Z' }, 'input.validUntil'],
      ['an unknown scope', { scope: 'commercial' }, 'input.scope'],
    ])('should refuse %s with BAD_USER_INPUT naming it, writing nothing', async (_what, change, argument) => {
      const before = await head();
      const r = await t.gql(SET, { i: { country: 'BR', validFrom: '2026-01-26T00:00:00Z', ...change } }, as.officer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(await head()).toBe(before);
    });

    it('should record an entry now, audited; a backdated one takes effect only once recorded', async () => {
      const before = await head();
      const ahead = new Date(Date.now() - 1000).toISOString();
      const r = await expectOk(t.gql(SET, { i: { country: 'br', validFrom: '2026-01-26T00:00:00Z', note: 'Brazil' } }, as.officer));
      expect(r.setAdequacyDecision).toEqual(expect.objectContaining({ country: 'BR', validFrom: '2026-01-26T00:00:00.000Z', scope: null, note: 'Brazil' }));
      expect(await head()).toBe(before + 1);
      const events = (await t.gql('{ auditEvents(filter: { action: "adequacy.recorded" }) { edges { node { entityType after actor { email } } } } }')).data!.auditEvents.edges;
      expect(events).toHaveLength(1);
      expect(events[0].node).toEqual(expect.objectContaining({ entityType: 'adequacy_decision', actor: { email: 'dpo@x.test' } }));
      expect(await countries()).toContain('BR');
      expect(await countries(ahead)).not.toContain('BR');
    });
  });

  describe('SubProcessor.transferMechanism', () => {
    it('should keep each sub-processor its own mechanism', async () => {
      const subs = [
        { name: 'Cloud', country: 'IN', purpose: 'hosting', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' },
        { name: 'Mail', country: 'FR' },
      ];
      await registerProcessor(t, as.officer, 'tiles', { country: 'US', certifications: ['DPF'], transferMechanism: 'ADEQUACY_DECISION', subProcessors: subs });
      const p = (await expectOk(t.gql('{ processor(key: "tiles") { subProcessors { name country purpose transferMechanism } } }', {}, as.auditor))).processor;
      expect(p.subProcessors).toEqual([
        { name: 'Cloud', country: 'IN', purpose: 'hosting', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' },
        { name: 'Mail', country: 'FR', purpose: null, transferMechanism: null },
      ]);
    });
  });

  describe('SharingArrangement.transfers', () => {
    let tiles: string;
    let lake: string;

    beforeAll(async () => {
      tiles = (await propose(t, as.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] })).id;
      await registerProcessor(t, as.officer, 'lake', { country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
      lake = (await propose(t, as.geo, { serviceKey: 'maps', processorKey: 'lake', dataCategories: ['user.account'] })).id;
    });

    it('should assess the processor then each sub-processor: adequacy within scope, a safeguard without TIA, inside the region', async () => {
      expect(await transfers(tiles)).toEqual([
        expect.objectContaining({ country: 'US', restricted: true, lawful: true, basis: 'ADEQUACY_DECISION' }),
        expect.objectContaining({ country: 'IN', restricted: true, lawful: false, basis: null }),
        expect.objectContaining({ country: 'FR', restricted: false, lawful: true, basis: null }),
      ]);
      const [, india, france] = await transfers(tiles);
      expect(india.reason).toContain('STANDARD_CONTRACTUAL_CLAUSES needs an approved, unexpired, current TIA');
      expect(france.reason).toContain('inside the home region EEA');
    });

    it('should leave a US processor without DPF certification out of the decision', async () => {
      const [us] = await transfers(lake);
      expect(us).toEqual(expect.objectContaining({ country: 'US', restricted: true, lawful: false }));
      expect(us.reason).toContain('covers only organisations certified under the EU-US Data Privacy Framework');
    });

    it('should answer as of an instant: before the processor was registered there was no transfer (the register as of an instant: libs/domain adequacy-register.spec)', async () => {
      expect(await transfers(tiles, '2023-07-09T00:00:00Z')).toEqual([]);
    });

    it('should answer for many arrangements in a constant number of statements', async () => {
      const query = '{ sharingArrangements { id transfers { country lawful } } }';
      const few = await t.gql(query, {}, as.auditor);
      for (let i = 0; i < 4; i++) {
        await registerProcessor(t, as.officer, `more-${i}`, { country: i % 2 ? 'JP' : 'CH', transferMechanism: 'ADEQUACY_DECISION' });
        await propose(t, as.geo, { serviceKey: 'maps', processorKey: `more-${i}`, dataCategories: ['device.log'] });
      }
      const many = await t.gql(query, {}, as.auditor);
      expect(many.errors).toBeUndefined();
      expect(many.data!.sharingArrangements.length).toBe(few.data!.sharingArrangements.length + 4);
      expect(many.statements).toBe(few.statements);
    });
  });

  describe('a derogation is never a basis for an arrangement', () => {
    it('should refuse to propose one with a processor outside the home region on DEROGATION, writing nothing', async () => {
      await registerProcessor(t, as.officer, 'occasional', { country: 'BR', transferMechanism: 'DEROGATION' });
      const before = await tableCounts(t.server);
      const r = await t.gql('mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id } }', { i: { serviceKey: 'maps', processorKey: 'occasional', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' } }, as.geo);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain('Art. 49');
      expect(r.errors![0].extensions).toEqual(expect.objectContaining({ argument: 'processorKey', recipients: ['processor occasional (BR)'] }));
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse a sub-processor on DEROGATION, and accept one inside the home region', async () => {
      await registerProcessor(t, as.officer, 'home', { country: 'DE', transferMechanism: 'DEROGATION', subProcessors: [{ name: 'Backup', country: 'FR', transferMechanism: 'DEROGATION' }] });
      expect((await propose(t, as.geo, { serviceKey: 'maps', processorKey: 'home', dataCategories: ['device.log'] })).id).toBeTruthy();
      await registerProcessor(t, as.officer, 'chain', { country: 'DE', subProcessors: [{ name: 'Far', country: 'SG', transferMechanism: 'DEROGATION' }] });
      const r = await t.gql('mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { id } }', { i: { serviceKey: 'maps', processorKey: 'chain', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' } }, as.geo);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.recipients).toEqual(['sub-processor Far (SG)']);
    });

    it('should refuse to submit a draft whose processor has since moved to a derogation', async () => {
      const p = await registerProcessor(t, as.officer, 'mover', { country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
      const draft = await propose(t, as.geo, { serviceKey: 'maps', processorKey: 'mover', dataCategories: ['device.log'] });
      await expectOk(t.gql('mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { version } }', { i: { key: 'mover', expectedVersion: p.version, transferMechanism: 'DEROGATION' } }, as.officer));
      const before = await head();
      const r = await t.gql(SUBMIT, { id: draft.id, v: draft.version }, as.geo);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(await head()).toBe(before);
    });
  });
});
