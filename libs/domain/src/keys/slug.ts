/**
 * Slugs identify teams and services (`Team.key`, `Service.key`): a lowercase
 * letter, then 1 to 62 lowercase letters, digits or hyphens (2-63 characters).
 */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG_PATTERN.test(value);
}
