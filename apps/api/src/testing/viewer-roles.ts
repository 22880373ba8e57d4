import { ADMIN_TOKEN, type TestServer } from './test-server';

export type ViewerRole = 'officer' | 'owningEngineer' | 'otherEngineer' | 'auditor' | 'admin';

/**
 * A token for each kind of viewer the access rules tell apart, for tests that
 * go through every one: a privacy officer, an engineer of team `geo` (which
 * owns the services under test), an engineer of team `media`, an auditor who
 * is a member of `geo` (membership alone grants nothing) and the bootstrap admin.
 */
export async function oneViewerPerRole(t: TestServer): Promise<Record<ViewerRole, string>> {
  for (const key of ['geo', 'media']) {
    const created = await t.gql(`mutation { createTeam(key: "${key}", name: "${key}") { id } }`);
    if (created.errors) throw new Error(`createTeam ${key}: ${JSON.stringify(created.errors)}`);
  }
  return {
    officer: await t.user('dpo@x.test', ['PRIVACY_OFFICER']),
    owningEngineer: await t.user('geo@x.test', ['ENGINEER'], ['geo']),
    otherEngineer: await t.user('media@x.test', ['ENGINEER'], ['media']),
    auditor: await t.user('aud@x.test', ['AUDITOR'], ['geo']),
    admin: ADMIN_TOKEN,
  };
}
