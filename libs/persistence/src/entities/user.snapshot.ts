import type { UserEntity } from './user.entity';

/** What the audit log keeps of a user: never a password hash. */
export const userSnapshot = (row: UserEntity, teamKeys: string[]) => ({
  email: row.email,
  name: row.name,
  roles: row.roles,
  active: row.active,
  teams: teamKeys,
});
