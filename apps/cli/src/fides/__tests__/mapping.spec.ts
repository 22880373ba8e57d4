import { ManifestError } from '../../errors';
import { loadMapping, TAXONOMY_KINDS } from '../mapping';
import fideslang from './fixtures/fideslang-3.2-keys.json';

/** Canopy's default taxonomy (DESIGN.md section 1; libs/domain default-taxonomy.ts). */
const CANOPY_CATEGORIES = [
  'user',
  'user.account',
  'user.contact',
  'user.contact.email',
  'user.contact.phone',
  'user.content',
  'user.content.image',
  'user.content.video',
  'user.biometric',
  'user.minor',
  'device',
  'device.log',
  'device.identifier',
  'device.location',
  'device.camera',
  'device.microphone',
];
const CANOPY_USES = ['service', 'service.provide', 'service.improve', 'personalize', 'cross_service', 'marketing', 'marketing.email', 'marketing.push', 'announcement', 'security', 'legal'];

const mapping = loadMapping();
const canopyOf = (kind: (typeof TAXONOMY_KINDS)[number], key: string) => {
  const r = mapping.toCanopy(kind, key);
  return 'canopy' in r ? r.canopy : null;
};

function mappingError(content: string): string[] {
  try {
    loadMapping({ name: 'ours.yaml', content });
  } catch (error) {
    if (error instanceof ManifestError) return error.problems.map((p) => `${p.line ?? '-'} ${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the mapping to be refused');
}

describe('the default fideslang mapping', () => {
  it('should follow fideslang 3.2', () => {
    expect(mapping.fideslang).toBe('3.2');
  });

  it.each(TAXONOMY_KINDS)('should map or list with a reason every fideslang 3.2 key of %s, and no other key', (kind) => {
    const { mapped, unmapped } = mapping.coverage(kind);
    const listed = [...mapped, ...unmapped.map((u) => u.key)];
    expect([...listed].sort()).toEqual([...fideslang[kind]].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const u of unmapped) expect(u.reason.length).toBeGreaterThan(20);
  });

  it('should import every mapped key as a key of Canopy’s default taxonomy', () => {
    for (const key of mapping.coverage('dataCategories').mapped) expect(CANOPY_CATEGORIES).toContain(canopyOf('dataCategories', key));
    for (const key of mapping.coverage('dataUses').mapped) expect(CANOPY_USES).toContain(canopyOf('dataUses', key));
  });

  it('should have this coverage (the figures the README states)', () => {
    const counts = Object.fromEntries(TAXONOMY_KINDS.map((k) => [k, [mapping.coverage(k).mapped.length, mapping.coverage(k).unmapped.length]]));
    expect(counts).toEqual({ dataCategories: [57, 66], dataUses: [39, 17], dataSubjects: [15, 0] });
  });

  it.each([
    ['dataCategories', 'user.contact.email', 'user.contact.email'],
    ['dataCategories', 'user.contact.phone_number', 'user.contact.phone'],
    ['dataCategories', 'user.contact.address.street', 'user.contact'],
    ['dataCategories', 'user.device.ip_address', 'device.identifier'],
    ['dataCategories', 'user.device.cookie_id', 'device.identifier'],
    ['dataCategories', 'user.location.precise', 'device.location'],
    ['dataCategories', 'user.biometrics.fingerprint', 'user.biometric'],
    ['dataCategories', 'user.biometric.voice', 'user.biometric'],
    ['dataCategories', 'user.authorization.biometrics', 'user.biometric'],
    ['dataCategories', 'user.children.thirteen_to_sixteen', 'user.minor'],
    ['dataCategories', 'user.childrens', 'user.minor'],
    ['dataCategories', 'user.device.telemetry', 'device.log'],
    ['dataUses', 'essential.service', 'service.provide'],
    ['dataUses', 'functional.service.improve', 'service.improve'],
    ['dataUses', 'essential.service.security', 'security'],
    ['dataUses', 'essential.fraud_detection', 'security'],
    ['dataUses', 'essential.legal_obligation', 'legal'],
    ['dataUses', 'marketing.communications.email', 'marketing.email'],
    ['dataUses', 'marketing.advertising.first_party.contextual', 'marketing'],
    ['dataUses', 'personalize.content.profiling', 'personalize'],
    ['dataUses', 'essential.service.notifications.sms', 'announcement'],
  ] as const)('should import the %s key %s as %s', (kind, fides, canopy) => {
    expect(canopyOf(kind, fides)).toBe(canopy);
  });

  it('should never guess: sensitive data without a Canopy category, ambiguous keys and unknown keys stay unmapped, with the reason', () => {
    for (const key of ['user.health.genetic', 'user.demographic.race_ethnicity', 'user.government_id.passport_number', 'user.device.sensor', 'user.name']) {
      expect(mapping.toCanopy('dataCategories', key)).toEqual({ unmapped: expect.any(String) });
    }
    expect(mapping.toCanopy('dataUses', 'marketing.advertising.first_party.targeted')).toEqual({ unmapped: expect.stringMatching(/both marketing and profiling/) });
    expect(mapping.toCanopy('dataUses', 'essential')).toEqual({ unmapped: expect.stringMatching(/one of its children/) });
    // A child of a mapped key is not mapped through its parent: user.health is not user.
    expect(mapping.toCanopy('dataCategories', 'user.contact.email.work')).toEqual({ unmapped: expect.stringMatching(/^not in the mapping/) });
    expect(mapping.toCanopy('dataSubjects', 'citizen')).toEqual({ unmapped: expect.stringMatching(/no such data subject/) });
  });

  it('should map every fideslang data subject to a Canopy one and back', () => {
    for (const key of fideslang.dataSubjects) {
      const canopy = canopyOf('dataSubjects', key)!;
      expect(mapping.toFides('dataSubjects', canopy)).toEqual({ fides: key, exact: true });
    }
    expect(canopyOf('dataSubjects', 'customer')).toBe('customers');
  });

  describe('export', () => {
    it('should write every default Canopy key but cross_service as a fideslang 3.2 key', () => {
      for (const key of CANOPY_CATEGORIES) expect(fideslang.dataCategories).toContain(mapping.toFides('dataCategories', key)?.fides);
      for (const key of CANOPY_USES.filter((k) => k !== 'cross_service')) expect(fideslang.dataUses).toContain(mapping.toFides('dataUses', key)?.fides);
      expect(mapping.toFides('dataUses', 'cross_service')).toBeNull();
      expect(mapping.toFides('dataCategories', 'user.content.video')).toEqual({ fides: 'user.content', exact: false });
    });

    it('should say exact only where the fideslang key imports back as the same Canopy key', () => {
      expect(mapping.toFides('dataCategories', 'user.contact.phone')).toEqual({ fides: 'user.contact.phone_number', exact: true });
      expect(mapping.toFides('dataCategories', 'device.location')).toEqual({ fides: 'user.location', exact: true });
      expect(mapping.toFides('dataCategories', 'device.camera')).toEqual({ fides: 'user.device.sensor', exact: false });
      expect(mapping.toFides('dataCategories', 'user.content.image')).toEqual({ fides: 'user.content', exact: false });
      expect(mapping.toFides('dataUses', 'marketing.push')).toEqual({ fides: 'marketing.communications', exact: false });
      for (const key of [...CANOPY_CATEGORIES]) {
        const found = mapping.toFides('dataCategories', key);
        if (found?.exact) expect(canopyOf('dataCategories', found.fides)).toBe(key);
      }
    });
  });
});

describe('an organisation’s own mapping (--mapping)', () => {
  it('should override the default key by key and cover officers’ additions', () => {
    const ours = loadMapping({
      name: 'ours.yaml',
      content: `
dataCategories:
  import:
    user.name: user.account            # unmapped by default
    custom.loyalty_points: user.loyalty # an officer's addition to Canopy's taxonomy
  unmapped:
    user.device.cookie: cookies are out of scope for us
  export:
    user.loyalty: custom.loyalty_points
dataUses:
  import:
    marketing.advertising.first_party.targeted: personalize
`,
    });
    expect(ours.toCanopy('dataCategories', 'user.name')).toEqual({ canopy: 'user.account' });
    expect(ours.toCanopy('dataCategories', 'custom.loyalty_points')).toEqual({ canopy: 'user.loyalty' });
    expect(ours.toFides('dataCategories', 'user.loyalty')).toEqual({ fides: 'custom.loyalty_points', exact: true });
    expect(ours.toCanopy('dataCategories', 'user.device.cookie')).toEqual({ unmapped: 'cookies are out of scope for us' });
    expect(ours.toCanopy('dataUses', 'marketing.advertising.first_party.targeted')).toEqual({ canopy: 'personalize' });
    // Untouched entries keep the default.
    expect(ours.toCanopy('dataCategories', 'user.contact.email')).toEqual({ canopy: 'user.contact.email' });
    expect(ours.coverage('dataCategories').mapped).not.toContain('user.device.cookie');
    expect(ours.coverage('dataCategories').unmapped.map((u) => u.key)).not.toContain('user.name');
  });

  it('should refuse a malformed mapping, naming the line and path of each problem', () => {
    expect(
      mappingError(`dataCategories:
  import:
    user.name: User Name
    user.contact.email: user.contact.email
  unmapped:
    user.contact.email: mapped and not
dataUse:
  import: {}
`),
    ).toEqual([
      '3 dataCategories.import["user.name"]: must be a Canopy taxonomy key such as user.contact.email',
      '7 dataUse: unknown field (did you mean dataUses?)',
    ]);
    expect(mappingError(`dataCategories:\n  import:\n    user.contact.email: user.contact.email\n  unmapped:\n    user.contact.email: mapped and not\n`)).toEqual([
      '5 dataCategories.unmapped["user.contact.email"]: "user.contact.email" is both imported and unmapped',
    ]);
    expect(mappingError('dataCategories: [unclosed\n')[0]).toMatch(/^\d+ : YAML: /);
  });
});
