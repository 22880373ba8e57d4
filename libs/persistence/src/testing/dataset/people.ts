import { ApiTokenEntity, TeamEntity, TeamMemberEntity, UserEntity } from '../../entities';
import { actor, AuditSink, DatasetContext, sha256 } from './dataset-context';
import type { DatasetLogin, DatasetLogins } from './dataset-types';

export interface People {
  teams: TeamEntity[];
  users: UserEntity[];
  members: TeamMemberEntity[];
  tokens: ApiTokenEntity[];
  logins: DatasetLogins;
  adminUser: UserEntity;
  officerUsers: UserEntity[];
  engineersOfTeam: UserEntity[][];
}

/** One team per hundred services (at least three) with two engineers each, an admin, five officers and an auditor, each with an API token. */
export function buildPeople(ctx: DatasetContext, serviceCount: number, audit: AuditSink): People {
  const { random } = ctx;
  const teamCount = Math.max(3, Math.ceil(serviceCount / 100));
  const teams = Array.from({ length: teamCount }, (_, i) =>
    Object.assign(new TeamEntity(), { id: random.uuid(), key: `team-${String(i + 1).padStart(3, '0')}`, name: `Team ${i + 1}`, createdAt: ctx.between(ctx.at(740), ctx.at(720)) }),
  );
  const users: UserEntity[] = [];
  const tokens: ApiTokenEntity[] = [];
  const login = (email: string, name: string, roles: string[], created: Date): DatasetLogin => {
    const user = Object.assign(new UserEntity(), { id: random.uuid(), email, name, roles, passwordHash: null, active: true, createdAt: created, updatedAt: created });
    users.push(user);
    const token = `cnp_dataset_${random.hex(24)}`;
    tokens.push(
      Object.assign(new ApiTokenEntity(), { id: random.uuid(), userId: user.id, name: 'dataset', tokenHash: sha256(token), createdAt: created, expiresAt: null, revokedAt: null, lastUsedAt: null }),
    );
    return { email, roles, token };
  };
  const admin = login('admin@dataset.canopy.test', 'Dataset Admin', ['ADMIN'], ctx.at(750));
  const adminUser = users[0];
  const officers = Array.from({ length: 5 }, (_, i) => login(`officer-${i + 1}@dataset.canopy.test`, `Officer ${i + 1}`, ['PRIVACY_OFFICER'], ctx.between(ctx.at(740), ctx.at(720))));
  const officerUsers = users.slice(1, 6);
  const auditor = login('auditor@dataset.canopy.test', 'Auditor', ['AUDITOR'], ctx.between(ctx.at(740), ctx.at(720)));
  const members: TeamMemberEntity[] = [];
  const engineers: DatasetLogin[] = [];
  const engineersOfTeam: UserEntity[][] = teams.map(() => []);
  const teamKeysOfUser = new Map<string, string[]>();
  teams.forEach((team, t) => {
    for (let e = 0; e < 2; e++) {
      engineers.push(login(`engineer-${t + 1}-${e + 1}@dataset.canopy.test`, `Engineer ${t + 1}.${e + 1}`, ['ENGINEER'], ctx.between(team.createdAt, ctx.at(700))));
      const user = users[users.length - 1];
      engineersOfTeam[t].push(user);
      members.push(Object.assign(new TeamMemberEntity(), { teamId: team.id, userId: user.id }));
      teamKeysOfUser.set(user.id, [...(teamKeysOfUser.get(user.id) ?? []), team.key]);
    }
  });
  for (const team of teams) audit.push({ at: team.createdAt, ...actor(adminUser), action: 'team.created', entityType: 'team', entityId: team.key, after: { key: team.key, name: team.name } });
  for (const user of users.slice(1)) {
    audit.push({ at: user.createdAt, ...actor(adminUser), action: 'user.created', entityType: 'user', entityId: user.email, after: { email: user.email, name: user.name, roles: user.roles, teams: teamKeysOfUser.get(user.id) ?? [] } });
  }
  const userById = new Map(users.map((u) => [u.id, u]));
  for (const token of tokens) {
    const owner = userById.get(token.userId)!;
    audit.push({ at: new Date(token.createdAt.getTime() + 1), ...actor(owner), action: 'token.created', entityType: 'token', entityId: token.id, after: { name: token.name, user: owner.email, expiresAt: null } });
  }
  return { teams, users, members, tokens, logins: { admin, officers, auditor, engineers }, adminUser, officerUsers, engineersOfTeam };
}
