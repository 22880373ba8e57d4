/**
 * Exit codes, stable for scripts and CI (also printed by `canopy --help`).
 *
 * 0 OK       the command did what it was asked
 * 1 FAILED   findings at or above --fail-on (check), a broken audit chain (audit verify),
 *            or an evidence bundle that fails to parse or verify (evidence verify)
 * 2 INPUT    usage or input error: bad flags or configuration, an unreadable or invalid
 *            manifest, a missing bundle or key file, or a manifest the server rejected (BAD_USER_INPUT, NOT_FOUND,
 *            LOCKED_CLAUSE, ...)
 * 3 SERVER   the API could not be reached, failed, refused the credentials
 *            (UNAUTHENTICATED, FORBIDDEN) or changed concurrently (VERSION_CONFLICT)
 */
export const EXIT = {
  OK: 0,
  FAILED: 1,
  INPUT: 2,
  SERVER: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  findings at or above --fail-on (check), a broken audit chain (audit verify),
     or an evidence bundle that fails to parse or verify (evidence verify)
  2  usage or input error: bad flags or configuration, invalid manifest, a missing bundle or key file,
     or input the server rejected
  3  server or network error: unreachable, failed, credentials refused (UNAUTHENTICATED, FORBIDDEN),
     or a concurrent change (VERSION_CONFLICT)`;
