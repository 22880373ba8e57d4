/**
 * E-mail recipients Canopy sends to (a service's notice recipients, officers,
 * engineers): a bare address, no display name, no quoted local part, no IP
 * literal, ASCII only (internationalised domains in their xn-- form), so an
 * address can never carry a header or a second recipient.
 */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_RECIPIENTS = 50;

/** RFC 5322 dot-atom; \x27 is the apostrophe and \x60 the backtick, both allowed. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&\x27*+/=?^_\x60{|}~-]+(\.[A-Za-z0-9!#$%&\x27*+/=?^_\x60{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Why a value is not an address Canopy sends to, or null when it is one. */
export function emailAddressProblem(value: string): string | null {
  if (value.length === 0) return 'is empty';
  if (value.length > MAX_EMAIL_LENGTH) return `is longer than ${MAX_EMAIL_LENGTH} characters`;
  if (/[\s\x00-\x1f\x7f]/.test(value)) return 'contains a space or a control character';
  if (/[^\x20-\x7e]/.test(value)) return 'contains a character outside ASCII (write an internationalised domain in its xn-- form)';
  if (/[<>,;"]/.test(value)) return 'must be a bare address, without a name, quotes or a second address';
  const at = value.lastIndexOf('@');
  if (at < 1 || value.indexOf('@') !== at) return 'must have exactly one @ with a name before it';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64) return 'has more than 64 characters before the @';
  if (!LOCAL_PART.test(local)) return 'has characters or dots before the @ that an address may not have';
  if (domain.startsWith('[')) return 'must name a domain, not an IP address';
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return `has no valid domain after the @`;
  if (!TOP_LEVEL.test(labels[labels.length - 1])) return `has no valid top-level domain after the @`;
  return null;
}

export interface RecipientProblem {
  value: string;
  problem: string;
}

/**
 * A recipient list as it is stored: trimmed, lower-cased, duplicates dropped
 * (first occurrence kept), at most MAX_RECIPIENTS; every bad value named.
 */
export function normaliseRecipients(values: readonly string[], max = MAX_RECIPIENTS): { recipients: string[]; problems: RecipientProblem[] } {
  const problems: RecipientProblem[] = [];
  const recipients: string[] = [];
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    const problem = emailAddressProblem(value);
    if (problem) problems.push({ value: raw, problem });
    else if (!recipients.includes(value)) recipients.push(value);
  }
  if (recipients.length > max) problems.push({ value: `${recipients.length} addresses`, problem: `are more than the ${max} allowed` });
  return { recipients, problems };
}
