import { EntityManager, In } from 'typeorm';
import { TeamEntity, TeamMemberEntity, UserEntity } from '@canopy/persistence';
import { groupLoader, loadReferenced, rowLoader } from '../../common/loader-helpers';
import { toUser } from './identity.mappers';
import type { User } from './identity.types';

/** Per-request loaders of users and teams. */
export function createIdentityLoaders(m: EntityManager) {
  return {
    teamById: rowLoader<string, TeamEntity>((ids) => m.findBy(TeamEntity, { id: In([...ids]) }), (t) => t.id),
    userById: rowLoader<string, UserEntity>((ids) => m.findBy(UserEntity, { id: In([...ids]) }), (u) => u.id),
    teamsByUserId: groupLoader<string, TeamEntity & { userId: string }>(
      async (userIds) => {
        const rows = await m
          .createQueryBuilder(TeamMemberEntity, 'tm')
          .innerJoinAndSelect('tm.team', 't')
          .where('tm.userId IN (:...userIds)', { userIds })
          .orderBy('t.key')
          .getMany();
        return rows.map((row) => Object.assign(row.team as TeamEntity, { userId: row.userId }));
      },
      (t) => t.userId,
    ),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;

/** The user a record points at, as its GraphQL type; a dangling reference is a server error, never null. */
export function loadUser(loaders: Pick<IdentityLoaders, 'userById'>, userId: string): Promise<User> {
  return loadReferenced(loaders.userById, userId, toUser, 'user');
}

/** The user an optional reference points at (who resolved, published, accepted...), or null. */
export async function loadOptionalUser(loaders: Pick<IdentityLoaders, 'userById'>, userId: string | null): Promise<User | null> {
  const row = userId ? await loaders.userById.load(userId) : null;
  return row ? toUser(row) : null;
}
