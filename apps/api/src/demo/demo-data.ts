import { UserEntity } from '@canopy/persistence';
import type { Application } from '../application';
import type { Role, Viewer } from '../auth/viewer';
import { Lifecycle } from '../modules/services/service.types';
import { seedDemoPolicies } from './demo-policies';
import { seedDemoSharing } from './demo-sharing';

export interface DemoLogin {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

/** Demo mode only: every demo account shares this password, printed at start. */
export const DEMO_PASSWORD = 'canopy-demo-2026';

const TEAMS = [
  { key: 'mobile', name: 'Mobile apps' },
  { key: 'geo', name: 'Geo and maps' },
  { key: 'media', name: 'Media sharing' },
];

const USERS: { email: string; name: string; roles: Role[]; teams: string[] }[] = [
  { email: 'admin@canopy.demo', name: 'Ada Admin', roles: ['ADMIN'], teams: [] },
  { email: 'dpo@canopy.demo', name: 'Dana Officer', roles: ['PRIVACY_OFFICER'], teams: [] },
  { email: 'dpo2@canopy.demo', name: 'Omar Officer', roles: ['PRIVACY_OFFICER'], teams: [] },
  { email: 'eng.mobile@canopy.demo', name: 'Mia Mobile', roles: ['ENGINEER'], teams: ['mobile'] },
  { email: 'eng.geo@canopy.demo', name: 'Gus Geo', roles: ['ENGINEER'], teams: ['geo'] },
  { email: 'eng.media@canopy.demo', name: 'Mel Media', roles: ['ENGINEER'], teams: ['media'] },
  { email: 'auditor@canopy.demo', name: 'Aria Auditor', roles: ['AUDITOR'], teams: [] },
];

/** Services modelled on the reference general privacy policy. */
const SERVICES = [
  {
    key: 'lens',
    name: 'Lens',
    teamKey: 'mobile',
    description: 'Mobile app: scan with the camera and search by voice (camera and microphone permissions).',
    servesMinors: true,
  },
  {
    key: 'maps',
    name: 'Maps',
    teamKey: 'geo',
    description: 'Maps and directions from the device location; logs for performance and stability.',
    servesMinors: false,
  },
  {
    key: 'moments',
    name: 'Moments',
    teamKey: 'media',
    description: 'Share images and video with friends or publicly.',
    servesMinors: false,
  },
];

/**
 * Loads the demo organisation into an empty database (no users yet), through
 * the application services so every record is validated and audited.
 */
export async function seedDemoData(app: Application): Promise<DemoLogin[]> {
  const logins = USERS.map((u) => ({ email: u.email, name: u.name, password: DEMO_PASSWORD, roles: u.roles }));
  if ((await app.db.manager.count(UserEntity)) > 0) {
    // Seeded on an earlier start: list the logins again if the demo accounts are still there.
    return (await app.db.manager.existsBy(UserEntity, { email: USERS[0].email })) ? logins : [];
  }
  const [first, ...others] = USERS;
  const admin = await app.identity.createUser(null, first.email, first.name, first.roles, []);
  const adminViewer: Viewer = { id: admin.id, email: admin.email, name: admin.name, roles: ['ADMIN'], teamIds: [], via: 'session' };
  for (const team of TEAMS) await app.identity.createTeam(adminViewer, team.key, team.name);
  for (const user of others) await app.identity.createUser(adminViewer, user.email, user.name, user.roles, user.teams);
  for (const user of USERS) await app.identity.setPassword(adminViewer, user.email, DEMO_PASSWORD);

  const officer = await app.db.manager.findOneByOrFail(UserEntity, { email: 'dpo@canopy.demo' });
  const officerViewer: Viewer = { id: officer.id, email: officer.email, name: officer.name, roles: ['PRIVACY_OFFICER'], teamIds: [], via: 'session' };
  for (const service of SERVICES) {
    await app.services.register(officerViewer, { ...service, lifecycle: Lifecycle.ACTIVE });
  }
  await seedDemoPolicies(app, officerViewer);
  await seedDemoSharing(app, officerViewer);
  return logins;
}
