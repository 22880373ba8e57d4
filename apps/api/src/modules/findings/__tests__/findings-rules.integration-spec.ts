import { testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import {
  APPROVE,
  ClauseInput,
  expectOk,
  item,
  ItemInput,
  propose,
  publishPolicy,
  registerService,
  setInventory,
  SUBMIT
} from '../../../testing/fixtures';
import { ENGINEER, OFFICER, OFFICER_2, useWorld } from '../../../testing/world';

/**
 * The GLOBAL policy of these fixtures allows what they do, but leaves gaps on
 * purpose: no COLLECTION clause covers the `device` category itself and no
 * USE clause covers `personalize`. Each rule then has a pair of services
 * that differ in one fact: the first triggers the rule, its twin complies.
 */
const GLOBAL: ClauseInput[] = [
  { topic: 'COLLECTION', subject: 'user', value: 'ALLOWED' },
  ...['device.log', 'device.identifier', 'device.location', 'device.camera', 'device.microphone'].map((c) => ({ topic: 'COLLECTION', subject: c, value: 'ALLOWED' })),
  ...['service', 'security', 'marketing', 'legal', 'announcement'].map((u) => ({ topic: 'USE', subject: `*:${u}`, value: 'ALLOWED' })),
  { topic: 'SHARING', subject: '*:third_party', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:public', value: 'ALLOWED' },
  { topic: 'COMMUNICATION', subject: 'marketing.email', value: 'OPT_OUT' },
  { topic: 'MINORS', subject: 'guardian_consent_age', value: '16' },
];

interface Fixture {
  rule: string;
  severity: string;
  category: string | null;
  /** Clauses of a SERVICE policy both services get (stricter than GLOBAL unless the rule is about a conflict). */
  policy?: ClauseInput[];
  twinPolicy?: ClauseInput[];
  servesMinors?: boolean;
  bad: ItemInput[];
  ok: ItemInput[];
  /** Whether the finding names the clause it is measured against. */
  clause: boolean;
}

const FIXTURES: Fixture[] = [
  { rule: 'COLLECTION_PROHIBITED', severity: 'CRITICAL', category: 'device.identifier', policy: [{ topic: 'COLLECTION', subject: 'device.identifier', value: 'PROHIBITED' }], bad: [item('device.identifier')], ok: [item('user.account')], clause: true },
  { rule: 'COLLECTION_WITHOUT_CONSENT', severity: 'HIGH', category: 'user.contact.phone', policy: [{ topic: 'COLLECTION', subject: 'user.contact.phone', value: 'CONSENT' }], bad: [item('user.contact.phone', { legalBasis: 'CONTRACT' })], ok: [item('user.contact.phone')], clause: true },
  { rule: 'COLLECTION_UNDISCLOSED', severity: 'MEDIUM', category: 'device', bad: [item('device')], ok: [item('device.log')], clause: false },
  { rule: 'USE_PROHIBITED', severity: 'HIGH', category: 'user.account', policy: [{ topic: 'USE', subject: 'user.account:marketing', value: 'PROHIBITED' }], bad: [item('user.account', { purposes: ['marketing.email'] })], ok: [item('user.account')], clause: true },
  { rule: 'USE_WITHOUT_CONSENT', severity: 'MEDIUM', category: 'device.log', policy: [{ topic: 'USE', subject: 'device.log:service.improve', value: 'CONSENT' }], bad: [item('device.log', { purposes: ['service.improve'], legalBasis: 'LEGITIMATE_INTEREST' })], ok: [item('device.log', { purposes: ['service.improve'] })], clause: true },
  { rule: 'USE_UNDISCLOSED', severity: 'MEDIUM', category: 'user.account', bad: [item('user.account', { purposes: ['personalize'] })], ok: [item('user.account')], clause: false },
  { rule: 'RETENTION_EXCEEDED', severity: 'MEDIUM', category: 'device.log', policy: [{ topic: 'RETENTION', subject: 'device.log', value: '90' }], bad: [item('device.log', { retentionDays: null })], ok: [item('device.log', { retentionDays: 90 })], clause: true },
  { rule: 'ENCRYPTION_INSUFFICIENT', severity: 'HIGH', category: 'user.contact.email', policy: [{ topic: 'ENCRYPTION', subject: 'user.contact.email', value: 'AT_REST_AND_IN_TRANSIT' }], bad: [item('user.contact.email', { encryption: 'IN_TRANSIT' })], ok: [item('user.contact.email')], clause: true },
  { rule: 'COMMUNICATION_WITHOUT_CONSENT', severity: 'MEDIUM', category: 'user.contact.email', policy: [{ topic: 'COMMUNICATION', subject: 'marketing.email', value: 'OPT_IN' }], bad: [item('user.contact.email', { purposes: ['marketing.email'], legalBasis: 'LEGITIMATE_INTEREST' })], ok: [item('user.contact.email', { purposes: ['marketing.email'] })], clause: true },
  { rule: 'PUBLIC_SHARING_PROHIBITED', severity: 'HIGH', category: 'user.content.image', policy: [{ topic: 'SHARING', subject: 'user.content.image:public', value: 'PROHIBITED' }], bad: [item('user.content.image', { publiclyVisible: true })], ok: [item('user.content.image')], clause: true },
  { rule: 'MINOR_DATA_WITHOUT_CONSENT', severity: 'HIGH', category: 'device.camera', servesMinors: true, bad: [item('device.camera', { legalBasis: 'CONTRACT' })], ok: [item('device.camera')], clause: true },
  { rule: 'CONFLICT_OPEN', severity: 'LOW', category: null, policy: [{ topic: 'MINORS', subject: 'guardian_consent_age', value: '13' }], twinPolicy: [{ topic: 'MINORS', subject: 'guardian_consent_age', value: '18' }], bad: [item('user.account')], ok: [item('user.account')], clause: true },
];

const FINDINGS = `query($k: String!) { service(key: $k) { findings { rule severity dataCategory message accepted clause { topic subject value source } service { key } } } }`;
const slug = (rule: string) => rule.toLowerCase().replace(/_/g, '-');

describe.each(testDialects())('compliance findings on %s', (dialect) => {
  const t = useWorld(dialect, { teams: ['geo'], people: { officer: OFFICER, officer2: OFFICER_2, geo: ENGINEER }, processors: ['tiles', 'fading'], globalPolicy: GLOBAL });
  const { as } = t;

  const findingsOf = async (key: string) => (await expectOk(t.gql(FINDINGS, { k: key }, as.geo))).service.findings as { rule: string; severity: string; dataCategory: string | null; clause: unknown; message: string }[];

  async function approved(serviceKey: string, processorKey: string, categories: string[]): Promise<void> {
    const a = await propose(t, as.geo, { serviceKey, processorKey, dataCategories: categories });
    const s = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, as.geo))).submitSharing;
    await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: s.version } }, as.officer2));
  }

  beforeAll(async () => {
    for (const f of FIXTURES) {
      for (const [suffix, items, policy] of [
        ['bad', f.bad, f.policy],
        ['ok', f.ok, f.twinPolicy ?? f.policy],
      ] as const) {
        const key = `${slug(f.rule)}-${suffix}`;
        await registerService(t, as.officer, key, 'geo', f.servesMinors ?? false);
        await setInventory(t, as.geo, key, items);
        if (policy) await publishPolicy(t, as.officer, `${key}-policy`, policy, key);
      }
    }
    // Sharing rules: arrangements need a processor; the checks pass when they are approved.
    for (const key of ['sharing-prohibited-bad', 'sharing-prohibited-ok', 'processor-dpa-invalid-bad', 'processor-dpa-invalid-ok', 'sharing-undeclared-category-bad', 'sharing-undeclared-category-ok']) {
      await registerService(t, as.officer, key, 'geo');
      await setInventory(t, as.geo, key, [item('device.log'), item('user.account')]);
    }
    await approved('sharing-prohibited-bad', 'tiles', ['device.log']);
    await approved('sharing-prohibited-ok', 'tiles', ['device.log']);
    // Published after the approval: the policy now prohibits what the approved arrangement shares.
    await publishPolicy(t, as.officer, 'sharing-prohibited-bad-policy', [{ topic: 'SHARING', subject: 'device.log:third_party', value: 'PROHIBITED' }], 'sharing-prohibited-bad');
    await approved('processor-dpa-invalid-bad', 'fading', ['device.log']);
    await approved('processor-dpa-invalid-ok', 'tiles', ['device.log']);
    const fading = (await expectOk(t.gql('{ processor(key: "fading") { version dpaSignedAt } }', {}, as.officer))).processor;
    await expectOk(
      t.gql(
        'mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { dpaValid } }',
        { i: { key: 'fading', expectedVersion: fading.version, dpaExpiresAt: new Date(Date.now() - 1000).toISOString() } },
        as.officer,
      ),
    );
    await propose(t, as.geo, { serviceKey: 'sharing-undeclared-category-bad', processorKey: 'tiles', dataCategories: ['user.contact.email'] });
    await propose(t, as.geo, { serviceKey: 'sharing-undeclared-category-ok', processorKey: 'tiles', dataCategories: ['user.account'] });
  });

  describe.each(FIXTURES)('$rule', (f) => {
    it(`should report ${f.rule} (${f.severity}) for the fixture`, async () => {
      const found = (await findingsOf(`${slug(f.rule)}-bad`)).filter((x) => x.rule === f.rule);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ severity: f.severity, dataCategory: f.category, accepted: false });
      if (f.clause) expect(found[0].clause).not.toBeNull();
      else expect(found[0].clause).toBeNull();
    });

    it(`should not report ${f.rule} for its compliant twin`, async () => {
      expect((await findingsOf(`${slug(f.rule)}-ok`)).map((x) => x.rule)).not.toContain(f.rule);
    });
  });

  describe.each([
    ['SHARING_PROHIBITED', 'CRITICAL', 'device.log'],
    ['PROCESSOR_DPA_INVALID', 'HIGH', null],
    ['SHARING_UNDECLARED_CATEGORY', 'MEDIUM', 'user.contact.email'],
  ])('%s', (rule, severity, category) => {
    it(`should report ${rule} for the fixture and not for its twin`, async () => {
      const bad = (await findingsOf(`${slug(rule)}-bad`)).filter((x) => x.rule === rule);
      expect(bad).toEqual([expect.objectContaining({ severity, dataCategory: category })]);
      expect((await findingsOf(`${slug(rule)}-ok`)).map((x) => x.rule)).not.toContain(rule);
    });
  });

  it('should name the clause a finding is measured against and its source', async () => {
    const [retention] = (await findingsOf('retention-exceeded-bad')).filter((f) => f.rule === 'RETENTION_EXCEEDED');
    expect(retention.clause).toEqual({ topic: 'RETENTION', subject: 'device.log', value: '90', source: 'SERVICE' });
    expect(retention.message).toContain('indefinitely');
  });

  describe('the findings query', () => {
    it('should list every service, ordered by service key then severity, and filter by service and minimum severity', async () => {
      const all = (await expectOk(t.gql('{ findings { rule severity service { key } } }', {}, as.geo))).findings as { rule: string; severity: string; service: { key: string } }[];
      const keys = all.map((f) => f.service.key);
      expect(keys).toEqual([...keys].sort());
      // The 15 rules measured here, and DPIA_MISSING (section 9) for the services meeting two criteria: LOW, enforcement is not on.
      const rules = new Set(all.map((f) => f.rule));
      expect(rules.size).toBe(16);
      expect(all.filter((f) => f.rule === 'DPIA_MISSING').map((f) => f.severity)).toEqual(expect.arrayContaining(['LOW']));
      expect(all.filter((f) => f.rule === 'DPIA_MISSING' && f.severity !== 'LOW')).toEqual([]);

      const high = (await expectOk(t.gql('{ findings(minSeverity: HIGH) { severity } }', {}, as.geo))).findings as { severity: string }[];
      expect(high.length).toBeGreaterThan(0);
      expect(high.every((f) => ['HIGH', 'CRITICAL'].includes(f.severity))).toBe(true);

      const one = (await expectOk(t.gql('{ findings(serviceKey: "retention-exceeded-bad") { service { key } } }', {}, as.geo))).findings as { service: { key: string } }[];
      expect(new Set(one.map((f) => f.service.key))).toEqual(new Set(['retention-exceeded-bad']));
    });

    it('should answer NOT_FOUND for an unknown service and UNAUTHENTICATED without credentials', async () => {
      expect(codeOf(await t.gql('{ findings(serviceKey: "ghost") { rule } }', {}, as.geo))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql('{ findings { rule } }', {}, { token: undefined }))).toBe('UNAUTHENTICATED');
    });

    it('should compute Service.findings for a page of services in a constant number of statements', async () => {
      const query = 'query($n: Int!) { services(first: $n) { edges { node { key findings { rule clause { subject } } } } } }';
      const small = await t.gql(query, { n: 3 }, as.geo);
      const large = await t.gql(query, { n: 60 }, as.geo);
      expect(large.errors).toBeUndefined();
      expect(large.statements).toBe(small.statements);
    });
  });
});
