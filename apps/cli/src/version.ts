/** The CLI's version, printed by `canopy --version` (kept in step with the root package.json). */
export const CLI_VERSION = '0.1.0';
