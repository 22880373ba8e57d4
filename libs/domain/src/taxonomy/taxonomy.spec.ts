import { ancestorKeysOf } from '../keys/taxonomy-key';
import { DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES } from './default-taxonomy';
import { InvalidTaxonomyError, Taxonomy } from './taxonomy';

describe('Taxonomy', () => {
  const taxonomy = Taxonomy.default();

  describe('default taxonomy', () => {
    it('should hold every category and use of DESIGN.md', () => {
      for (const key of [
        'user.contact.email', 'user.contact.phone', 'user.account', 'user.content.image', 'user.content.video',
        'device.log', 'device.identifier', 'device.location', 'device.camera', 'device.microphone', 'user.biometric', 'user.minor',
      ]) {
        expect(taxonomy.hasCategory(key)).toBe(true);
      }
      for (const key of ['service.provide', 'service.improve', 'personalize', 'cross_service', 'marketing.email', 'marketing.push', 'announcement', 'security', 'legal']) {
        expect(taxonomy.hasUse(key)).toBe(true);
      }
    });

    it('should hold every prefix of every key as a key of its own', () => {
      for (const c of taxonomy.categories()) for (const a of ancestorKeysOf(c.key)) expect(taxonomy.hasCategory(a)).toBe(true);
      for (const u of taxonomy.uses()) for (const a of ancestorKeysOf(u.key)) expect(taxonomy.hasUse(a)).toBe(true);
      expect(['user', 'user.contact', 'user.content', 'device'].every((k) => taxonomy.hasCategory(k))).toBe(true);
      expect(['service', 'marketing'].every((k) => taxonomy.hasUse(k))).toBe(true);
    });

    it('should give every entry a name and a description', () => {
      for (const e of [...DEFAULT_DATA_CATEGORIES, ...DEFAULT_DATA_USES]) {
        expect(e.name.trim()).not.toBe('');
        expect(e.description?.trim()).toBeTruthy();
      }
    });

    it('should flag exactly the five sensitive categories', () => {
      const flagged = taxonomy.categories().filter((c) => c.sensitive).map((c) => c.key).sort();
      expect(flagged).toEqual(['device.camera', 'device.location', 'device.microphone', 'user.biometric', 'user.minor']);
    });

    it('should not inherit sensitivity upwards', () => {
      expect(taxonomy.isSensitive('device')).toBe(false);
      expect(taxonomy.isSensitive('user')).toBe(false);
      expect(taxonomy.isSensitive('device.location')).toBe(true);
    });

    it('should derive parent keys', () => {
      expect(taxonomy.category('user.contact.email')?.parentKey).toBe('user.contact');
      expect(taxonomy.category('user')?.parentKey).toBeNull();
      expect(taxonomy.use('marketing.push')?.parentKey).toBe('marketing');
    });
  });

  describe('navigation', () => {
    it('should list ancestors nearest first', () => {
      expect(taxonomy.ancestorsOf('user.contact.email')).toEqual(['user.contact', 'user']);
      expect(taxonomy.ancestorsOf('marketing.email', 'use')).toEqual(['marketing']);
      expect(taxonomy.ancestorsOf('device')).toEqual([]);
    });

    it('should list children and descendants', () => {
      expect(taxonomy.childrenOf('user.contact')).toEqual(['user.contact.email', 'user.contact.phone']);
      expect(taxonomy.childrenOf('*')).toEqual(['device', 'user']);
      expect(taxonomy.childrenOf('marketing', 'use')).toEqual(['marketing.email', 'marketing.push']);
      expect(taxonomy.descendantsOf('user.content')).toEqual(['user.content.image', 'user.content.video']);
      expect(taxonomy.descendantsOf('user.contact.email')).toEqual([]);
      expect(taxonomy.descendantsOf('*')).toHaveLength(taxonomy.categories().length);
    });

    it('should treat every key, parents included, as concrete', () => {
      expect(taxonomy.concreteCategories()).toContain('user');
      expect(taxonomy.concreteCategories()).toContain('user.contact.email');
      expect(taxonomy.concreteCategories()).toHaveLength(DEFAULT_DATA_CATEGORIES.length);
      expect(taxonomy.concreteUses()).toContain('marketing');
      expect(taxonomy.concreteUses()).toHaveLength(DEFAULT_DATA_USES.length);
    });

    it('should find sensitive categories between an ancestor and a key', () => {
      expect(taxonomy.hasSensitiveBetween('device', 'device.location')).toBe(true);
      expect(taxonomy.hasSensitiveBetween('*', 'user.minor')).toBe(true);
      expect(taxonomy.hasSensitiveBetween('device.location', 'device.location')).toBe(false);
      expect(taxonomy.hasSensitiveBetween('device', 'device.log')).toBe(false);
    });

    it('should report unknown keys', () => {
      expect(taxonomy.unknownCategories(['user', 'device.gps', 'device.gps'])).toEqual(['device.gps']);
      expect(taxonomy.unknownUses(['legal', 'advertising'])).toEqual(['advertising']);
    });
  });

  describe('validateNewCategory', () => {
    it('should accept a new key under an existing parent', () => {
      expect(taxonomy.validateNewCategory({ key: 'device.sensor', name: 'Sensors', sensitive: false })).toEqual([]);
      expect(taxonomy.validateNewCategory({ key: 'payment', name: 'Payment', sensitive: false })).toEqual([]);
    });

    it('should reject a missing parent', () => {
      const [error] = taxonomy.validateNewCategory({ key: 'payment.card', name: 'Card', sensitive: false });
      expect(error).toMatchObject({ code: 'PARENT_NOT_FOUND', field: 'parentKey', key: 'payment.card' });
      expect(error.message).toContain('"payment"');
    });

    it('should reject a parentKey that is not the key prefix', () => {
      const errors = taxonomy.validateNewCategory({ key: 'device.sensor', parentKey: 'user', name: 'Sensors', sensitive: false });
      expect(errors.map((e) => e.code)).toEqual(['PARENT_MISMATCH']);
    });

    it('should reject bad syntax', () => {
      for (const key of ['Device.sensor', 'device..x', 'device.*', 'device-sensor', '']) {
        expect(taxonomy.validateNewCategory({ key, name: 'x', sensitive: false }).map((e) => e.code)).toContain('INVALID_KEY');
      }
    });

    it('should reject a duplicate key', () => {
      expect(taxonomy.validateNewCategory({ key: 'device.log', name: 'Logs', sensitive: false }).map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
    });

    it('should reject a non-sensitive child of a sensitive category', () => {
      const errors = taxonomy.validateNewCategory({ key: 'device.location.precise', name: 'Precise', sensitive: false });
      expect(errors.map((e) => e.code)).toEqual(['SENSITIVE_PARENT']);
      expect(taxonomy.validateNewCategory({ key: 'device.location.precise', name: 'Precise', sensitive: true })).toEqual([]);
    });

    it('should reject a blank name', () => {
      expect(taxonomy.validateNewCategory({ key: 'device.sensor', name: '  ', sensitive: false }).map((e) => e.code)).toEqual(['NAME_REQUIRED']);
    });
  });

  describe('validateNewUse', () => {
    it('should accept a new use and reject a missing parent', () => {
      expect(taxonomy.validateNewUse({ key: 'marketing.sms', name: 'SMS' })).toEqual([]);
      expect(taxonomy.validateNewUse({ key: 'ads.targeting', name: 'Ads' }).map((e) => e.code)).toEqual(['PARENT_NOT_FOUND']);
    });
  });

  describe('extension', () => {
    it('should return a new taxonomy with the added category, leaving the original unchanged', () => {
      const extended = taxonomy.withCategory({ key: 'device.sensor', name: 'Sensors', sensitive: true });
      expect(extended.hasCategory('device.sensor')).toBe(true);
      expect(extended.isSensitive('device.sensor')).toBe(true);
      expect(extended.childrenOf('device')).toContain('device.sensor');
      expect(taxonomy.hasCategory('device.sensor')).toBe(false);
    });

    it('should make a flagged category sensitive for its whole subtree', () => {
      const t = new Taxonomy([{ key: 'health', name: 'Health', sensitive: true }, { key: 'health.steps', name: 'Steps', sensitive: false }], []);
      expect(t.isSensitive('health.steps')).toBe(true);
      expect(t.flaggedSensitiveCategories()).toEqual(['health']);
    });

    it('should add uses', () => {
      expect(taxonomy.withUse({ key: 'marketing.sms', name: 'SMS' }).hasUse('marketing.sms')).toBe(true);
    });

    it('should throw a named error on an invalid addition', () => {
      expect(() => taxonomy.withCategory({ key: 'x.y', name: 'X', sensitive: false })).toThrow(InvalidTaxonomyError);
    });

    it('should refuse to build from entries whose parent is missing', () => {
      expect(() => new Taxonomy([{ key: 'user.contact', name: 'Contact', sensitive: false }], [])).toThrow(/parent data category "user"/);
    });

    it('should refuse to build from duplicate entries', () => {
      const dup = { key: 'user', name: 'User', sensitive: false };
      expect(() => new Taxonomy([dup, dup], [])).toThrow(InvalidTaxonomyError);
    });
  });
});
