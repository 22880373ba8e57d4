import { isValidSlug, normaliseRecipients } from '@canopy/domain';
import { badInput } from './errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireSlug(value: string, argument: string): string {
  const shown = String(value).slice(0, 80);
  if (!isValidSlug(value)) {
    throw badInput(`${argument} "${shown}" is not a valid key: use ^[a-z][a-z0-9-]{1,62}$.`, { argument });
  }
  return value;
}

export function requireEmail(value: string, argument = 'email'): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw badInput(`${argument} "${value.slice(0, 80)}" is not an e-mail address.`, { argument });
  return email;
}

export function requireText(value: string, argument: string, max = 200): string {
  const text = value.trim();
  if (!text) throw badInput(`${argument} must not be blank.`, { argument });
  if (text.length > max) throw badInput(`${argument} may have at most ${max} characters.`, { argument });
  return text;
}

export function optionalText(value: string | null | undefined, argument: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (value.length > max) throw badInput(`${argument} may have at most ${max} characters.`, { argument });
  return value.trim() || null;
}

/**
 * A list of e-mail recipients (a service's notice recipients): trimmed,
 * lower-cased, duplicates dropped; BAD_USER_INPUT naming every bad address.
 */
export function requireRecipients(values: readonly string[], argument: string): string[] {
  const { recipients, problems } = normaliseRecipients(values);
  if (problems.length) {
    const list = problems.map((p) => `"${p.value.slice(0, 80)}" ${p.problem}`).join('; ');
    throw badInput(`${argument}: ${list}.`, { argument, invalid: problems.map((p) => p.value.slice(0, 254)) });
  }
  return recipients;
}
