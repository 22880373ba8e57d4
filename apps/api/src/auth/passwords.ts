import { hash, verify } from '@node-rs/argon2';
import { badInput } from '../common/errors';

export const MIN_PASSWORD_LENGTH = 12;

/** Argon2id with the library's defaults (19 MiB, t=2), OWASP's recommended floor. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { argument: 'password' });
  }
  if (password.length > 1024) throw badInput('A password may have at most 1024 characters.', { argument: 'password' });
  return hash(password);
}

/** A constant-cost check, also when the account has no password, so timing tells nothing. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Lxl+6YQpX+o1i6Yk1mX0bRq2pS1B6aXz0jzjv9W2hE';
export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, password.slice(0, 1024));
  } catch {
    return false;
  }
}
