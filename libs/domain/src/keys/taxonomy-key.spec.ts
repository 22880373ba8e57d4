import {
  TAXONOMY_KEY_MAX_LENGTH,
  ancestorKeysOf,
  coversKey,
  isValidTaxonomyKey,
  keyDepth,
  parentKeyOf,
  strictlyCoversKey,
} from './taxonomy-key';

describe('isValidTaxonomyKey', () => {
  it('should accept dot paths of lowercase segments', () => {
    for (const k of ['user', 'user.contact.email', 'cross_service', 'device.log2', 'a.b_c.d9']) {
      expect(isValidTaxonomyKey(k)).toBe(true);
    }
  });

  it('should reject empty segments', () => {
    for (const k of ['', '.user', 'user.', 'user..contact']) expect(isValidTaxonomyKey(k)).toBe(false);
  });

  it('should reject segments not starting with a letter', () => {
    for (const k of ['1user', 'user.2fa', '_user', 'user._x']) expect(isValidTaxonomyKey(k)).toBe(false);
  });

  it('should reject uppercase, hyphens, wildcards and spaces', () => {
    for (const k of ['User', 'user-contact', '*', 'user.*', 'user contact']) expect(isValidTaxonomyKey(k)).toBe(false);
  });

  it('should reject keys longer than the maximum', () => {
    expect(isValidTaxonomyKey('a'.repeat(TAXONOMY_KEY_MAX_LENGTH))).toBe(true);
    expect(isValidTaxonomyKey('a'.repeat(TAXONOMY_KEY_MAX_LENGTH + 1))).toBe(false);
  });
});

describe('taxonomy key paths', () => {
  it('should compute depth with the wildcard at 0', () => {
    expect(keyDepth('*')).toBe(0);
    expect(keyDepth('user')).toBe(1);
    expect(keyDepth('user.contact.email')).toBe(3);
  });

  it('should compute parents and ancestors nearest first', () => {
    expect(parentKeyOf('user.contact.email')).toBe('user.contact');
    expect(parentKeyOf('user')).toBeNull();
    expect(ancestorKeysOf('user.contact.email')).toEqual(['user.contact', 'user']);
    expect(ancestorKeysOf('user')).toEqual([]);
  });

  it('should cover itself, its descendants and nothing else', () => {
    expect(coversKey('user', 'user')).toBe(true);
    expect(coversKey('user', 'user.contact.email')).toBe(true);
    expect(coversKey('*', 'device.log')).toBe(true);
    expect(coversKey('*', '*')).toBe(true);
    expect(coversKey('user', 'users')).toBe(false);
    expect(coversKey('user.contact', 'user')).toBe(false);
    expect(coversKey('user', '*')).toBe(false);
    expect(strictlyCoversKey('user', 'user')).toBe(false);
    expect(strictlyCoversKey('user', 'user.account')).toBe(true);
  });
});
