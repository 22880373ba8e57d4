import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalLayer, serviceLayer } from '../testing/builders';
import { detectConflicts, governedCategories } from './detect-conflicts';

describe('detectConflicts', () => {
  const taxonomy = Taxonomy.default();

  it('should list weaker service clauses with both values and the categories they govern', () => {
    const g = globalLayer([clause('SHARING', '*:third_party', 'PROHIBITED'), clause('RETENTION', '*', '365')]);
    const s = serviceLayer([clause('SHARING', 'device:third_party', 'CONSENT'), clause('RETENTION', 'device.log', '30')]);
    expect(detectConflicts(g, s, taxonomy)).toEqual([
      {
        topic: 'SHARING',
        subject: 'device:third_party',
        globalValue: 'PROHIBITED',
        serviceValue: 'CONSENT',
        globalSubject: '*:third_party',
        serviceSubject: 'device:third_party',
        governedCategories: [
          { key: 'device', sensitive: false },
          { key: 'device.camera', sensitive: true },
          { key: 'device.identifier', sensitive: false },
          { key: 'device.location', sensitive: true },
          { key: 'device.log', sensitive: false },
          { key: 'device.microphone', sensitive: true },
        ],
      },
    ]);
  });

  it('should find nothing without a global version', () => {
    expect(detectConflicts(null, serviceLayer([clause('RIGHT', 'ACCESS', 'NOT_GRANTED')]), taxonomy)).toEqual([]);
  });

  it('should not report stricter or equal clauses', () => {
    const g = globalLayer([clause('RIGHT', 'ACCESS', 'NOT_GRANTED'), clause('COMMUNICATION', '*', 'OPT_OUT')]);
    const s = serviceLayer([clause('RIGHT', 'ACCESS', 'GRANTED'), clause('COMMUNICATION', 'marketing.email', 'OPT_OUT')]);
    expect(detectConflicts(g, s, taxonomy)).toEqual([]);
  });

  it('should not report a weakened locked clause (that is LOCKED_CLAUSE)', () => {
    const g = globalLayer([clause('RIGHT', 'DELETE', 'GRANTED', { locked: true })]);
    expect(detectConflicts(g, serviceLayer([clause('RIGHT', 'DELETE', 'NOT_GRANTED')]), taxonomy)).toEqual([]);
  });

  it('should report non-category topics with no governed categories', () => {
    const g = globalLayer([clause('MINORS', 'guardian_consent_age', '16')]);
    const [c] = detectConflicts(g, serviceLayer([clause('MINORS', 'guardian_consent_age', '13')]), taxonomy);
    expect(c).toMatchObject({ topic: 'MINORS', globalValue: '16', serviceValue: '13', governedCategories: [] });
  });

  it('should report a conflict on the intersection of crossing subjects', () => {
    const g = globalLayer([clause('USE', '*:marketing.email', 'CONSENT')]);
    const s = serviceLayer([clause('USE', 'user.contact.email:*', 'ALLOWED')]);
    expect(detectConflicts(g, s, taxonomy).map((c) => [c.subject, c.globalSubject, c.serviceSubject])).toEqual([
      ['user.contact.email:marketing.email', '*:marketing.email', 'user.contact.email:*'],
    ]);
  });
});

describe('governedCategories', () => {
  const taxonomy = Taxonomy.default();

  it('should govern every category for the wildcard', () => {
    expect(governedCategories('*', taxonomy)).toHaveLength(taxonomy.categories().length);
  });

  it('should govern only itself for a leaf, and nothing without a category', () => {
    expect(governedCategories('user.minor', taxonomy)).toEqual([{ key: 'user.minor', sensitive: true }]);
    expect(governedCategories(null, taxonomy)).toEqual([]);
  });
});
