import { testDialects } from '@canopy/persistence';
import { codeOf, tableCounts, TestServer } from '../../../testing/test-server';
import { geoWorld } from '../../findings/__tests__/compliance-fixtures';

/** The organisation's profile: the controller's identity, a setting with history, officers only, audited. */
const HEAD = '{ verifyAuditLog { headSeq } }';
const FIELDS = 'legalName address contactEmail dpoName dpoEmail euRepresentative validFrom';
const SET = `mutation($p: OrganisationProfileInput!) { setOrganisationProfile(input: $p) { ${FIELDS} } }`;
const PROFILE = { legalName: 'Canopy Ltd', address: '1 Main Street, Dublin', contactEmail: 'Privacy@Canopy.test', dpoName: 'Dana Officer', dpoEmail: 'dpo@canopy.test' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDialects())('organisation profile on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let engineer: string;
  let auditor: string;
  const head = async () => (await t.gql(HEAD)).data!.verifyAuditLog.headSeq as number;
  const gapsOf = async (at?: string) =>
    (await t.gql('query($at: DateTime) { recordOfProcessing(at: $at) { controller { legalName } activities { gaps } } }', { at }, auditor)).data!.recordOfProcessing;

  beforeAll(async () => {
    ({ t, officer, geo: engineer, auditor } = await geoWorld(dialect));
    await t.gql('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "geo" }) { key } }', {}, engineer);
    const item = { dataCategory: 'device.location', purposes: ['service.provide'], source: 'DEVICE_PERMISSION', legalBasis: 'CONTRACT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', dataSubjects: ['customers'] };
    await t.gql('mutation($i: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $i) { key } }', { i: [item] }, engineer);
    await t.gql('mutation { setSecurityMeasures(serviceKey: "maps", measures: ["Encryption at rest"]) { key } }', {}, engineer);
  });
  afterAll(() => t.close());

  it('should be blank until an officer sets it, and the record list the controller among its gaps', async () => {
    const r = await t.gql(`{ organisationProfile { ${FIELDS} } }`, {}, engineer);
    expect(r.data!.organisationProfile).toEqual({ legalName: null, address: null, contactEmail: null, dpoName: null, dpoEmail: null, euRepresentative: null, validFrom: null });
    const record = await gapsOf();
    expect(record.controller.legalName).toBeNull();
    expect(record.activities[0].gaps).toContain("no organisation profile recorded: the controller's name and contact details (Art. 30(1)(a)) are missing");
  });

  it('should refuse engineers and auditors with FORBIDDEN, writing nothing', async () => {
    const before = await tableCounts(t.server);
    for (const token of [engineer, auditor]) expect(codeOf(await t.gql(SET, { p: PROFILE }, token))).toBe('FORBIDDEN');
    expect(await tableCounts(t.server)).toEqual(before);
  });

  it.each([
    ['a blank legal name', { legalName: '  ' }, 'input.legalName'],
    ['a blank address', { address: '' }, 'input.address'],
    ['a contact that is not an e-mail address', { contactEmail: 'privacy' }, 'input.contactEmail'],
    ['a DPO e-mail that is not one', { dpoEmail: 'dpo at canopy' }, 'input.dpoEmail'],
  ])('should refuse %s with BAD_USER_INPUT naming it, writing nothing', async (_what, change, argument) => {
    const before = await head();
    const r = await t.gql(SET, { p: { ...PROFILE, ...change } }, officer);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.argument).toBe(argument);
    expect(await head()).toBe(before);
  });

  it('should let an officer set it, audited once; the same profile again writes nothing; earlier instants keep the old one', async () => {
    const before = await head();
    await sleep(5);
    const earlier = new Date().toISOString();
    await sleep(5);
    const r = await t.gql(SET, { p: PROFILE }, officer);
    expect(r.errors).toBeUndefined();
    expect(r.data!.setOrganisationProfile).toEqual(expect.objectContaining({ legalName: 'Canopy Ltd', contactEmail: 'privacy@canopy.test', euRepresentative: null }));
    expect(await head()).toBe(before + 1);
    const events = (await t.gql('{ auditEvents(filter: { action: "settings.organisation_profile_set" }) { edges { node { entityType entityId before after actor { email } } } } }')).data!.auditEvents.edges;
    expect(events).toHaveLength(1);
    expect(events[0].node).toEqual(expect.objectContaining({ entityType: 'setting', entityId: 'organisation_profile', before: null, actor: { email: 'dpo@x.test' } }));
    expect(events[0].node.after).toEqual(expect.objectContaining({ legalName: 'Canopy Ltd', dpoName: 'Dana Officer' }));

    await t.gql(SET, { p: { ...PROFILE, legalName: ' Canopy Ltd ' } }, officer);
    expect(await head()).toBe(before + 1);

    expect((await gapsOf()).activities[0].gaps).toEqual([]);
    expect((await gapsOf()).controller.legalName).toBe('Canopy Ltd');
    expect((await t.gql('query($at: DateTime) { organisationProfile(at: $at) { legalName } }', { at: earlier })).data!.organisationProfile.legalName).toBeNull();
    expect((await gapsOf(earlier)).activities[0].gaps).toContain("no organisation profile recorded: the controller's name and contact details (Art. 30(1)(a)) are missing");
  });

  it('should keep each version: a change applies from then on and lists a missing DPO among the gaps', async () => {
    await sleep(5);
    const between = new Date().toISOString();
    await sleep(5);
    const r = await t.gql(SET, { p: { ...PROFILE, legalName: 'Canopy GmbH', dpoName: null, dpoEmail: null, euRepresentative: 'Rep Ltd, Dublin' } }, officer);
    expect(r.data!.setOrganisationProfile).toEqual(expect.objectContaining({ legalName: 'Canopy GmbH', dpoName: null, euRepresentative: 'Rep Ltd, Dublin' }));
    expect((await t.gql('query($at: DateTime) { organisationProfile(at: $at) { legalName } }', { at: between })).data!.organisationProfile.legalName).toBe('Canopy Ltd');
    const events = (await t.gql('{ auditEvents(filter: { action: "settings.organisation_profile_set" }) { edges { node { before } } } }')).data!.auditEvents.edges;
    expect(events.map((e: any) => e.node.before?.legalName ?? null).sort()).toEqual(['Canopy Ltd', null].sort());
    expect((await gapsOf()).activities[0].gaps).toEqual([expect.stringContaining('names no data protection officer')]);
  });
});
