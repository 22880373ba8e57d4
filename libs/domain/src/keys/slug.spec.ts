import { SLUG_PATTERN, isValidSlug } from './slug';

describe('isValidSlug', () => {
  it('should accept lowercase slugs of 2 to 63 characters', () => {
    expect(isValidSlug('maps')).toBe(true);
    expect(isValidSlug('ab')).toBe(true);
    expect(isValidSlug('photo-sharing-2')).toBe(true);
    expect(isValidSlug('a' + 'b'.repeat(62))).toBe(true);
  });

  it('should reject a single character', () => {
    expect(isValidSlug('a')).toBe(false);
  });

  it('should reject more than 63 characters', () => {
    expect(isValidSlug('a' + 'b'.repeat(63))).toBe(false);
  });

  it('should reject a leading digit or hyphen', () => {
    expect(isValidSlug('1maps')).toBe(false);
    expect(isValidSlug('-maps')).toBe(false);
  });

  it('should reject uppercase, underscores, dots and spaces', () => {
    for (const s of ['Maps', 'my_maps', 'my.maps', 'my maps', 'maps\n']) expect(isValidSlug(s)).toBe(false);
  });

  it('should reject non-strings', () => {
    expect(isValidSlug(undefined)).toBe(false);
    expect(isValidSlug(42)).toBe(false);
  });

  it('should expose the contract pattern', () => {
    expect(SLUG_PATTERN.source).toBe('^[a-z][a-z0-9-]{1,62}$');
  });
});
