import { ApiTokenEntity, TeamEntity, UserEntity } from '@canopy/persistence';
import { ApiToken, RoleEnum, Team, User } from './identity.types';

export const toUser = (row: UserEntity): User =>
  Object.assign(new User(), { id: row.id, email: row.email, name: row.name, roles: row.roles as RoleEnum[], active: row.active });

export const toTeam = (row: TeamEntity): Team => Object.assign(new Team(), { id: row.id, key: row.key, name: row.name });

export const toApiToken = (row: ApiTokenEntity): ApiToken =>
  Object.assign(new ApiToken(), {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  });

