/**
 * The services with an OPEN precedence conflict at an instant, for the
 * `hasOpenConflicts` filter. The policies feature, which owns conflicts,
 * implements it; the wiring root hands it to the service registry.
 */
export interface OpenConflictsReader {
  serviceIdsWithOpenConflicts(at: Date): Promise<string[]>;
}
