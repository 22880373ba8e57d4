/** A definition kept with history: it applies from `validFrom` (ISO instant) until the next one. */
export interface Versioned {
  validFrom: string;
}

/** The version in force at `at` among versions kept oldest first; null before the first. */
export function versionAt<V extends Versioned>(versions: readonly V[], at: Date): V | null {
  let found: V | null = null;
  for (const version of versions) {
    if (new Date(version.validFrom).getTime() <= at.getTime()) found = version;
  }
  return found;
}
