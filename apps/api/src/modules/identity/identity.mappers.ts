import { ApiTokenEntity, TeamEntity, UserEntity } from '@canopy/persistence';
import { fromRow } from '../../common/from-row';
import { ApiToken, RoleEnum, Team, User } from './identity.types';

export const toUser = (row: UserEntity): User => fromRow(User, row, ['id', 'email', 'name', 'active'], { roles: row.roles as RoleEnum[] });

export const toTeam = (row: TeamEntity): Team => fromRow(Team, row, ['id', 'key', 'name']);

export const toApiToken = (row: ApiTokenEntity): ApiToken => fromRow(ApiToken, row, ['id', 'name', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt']);

