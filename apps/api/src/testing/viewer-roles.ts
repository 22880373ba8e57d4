import type { TestDialect } from '@canopy/persistence';
import { AUDITOR, ENGINEER, OFFICER, OTHER_ENGINEER, type Person, useWorld, type World, type WorldSpec } from './world';

/**
 * One person for each kind of viewer the access rules tell apart, for tests
 * that go through every one: a privacy officer, an engineer of team `geo`
 * (which owns the services under test), an engineer of team `media`, an
 * auditor who is a member of `geo` (membership alone grants nothing); the
 * world adds the bootstrap admin.
 */
export const VIEWERS = {
  officer: OFFICER,
  owningEngineer: ENGINEER,
  otherEngineer: OTHER_ENGINEER,
  auditor: { ...AUDITOR, teams: ['geo'] },
} satisfies Record<string, Person>;

export type ViewerRole = keyof typeof VIEWERS | 'admin';

/** The world of the viewer suites: teams `geo` and `media`, one token per viewer role, and what `spec` adds. */
export function useViewerWorld(dialect: TestDialect, spec: Omit<WorldSpec<keyof typeof VIEWERS>, 'teams' | 'people'> = {}): World<keyof typeof VIEWERS> {
  return useWorld(dialect, { teams: ['geo', 'media'], people: VIEWERS, ...spec });
}
