import { EntityManager, In } from 'typeorm';
import { TeamEntity, TeamMemberEntity, UserEntity } from '@canopy/persistence';
import { groupLoader, rowLoader } from '../../common/loader-helpers';

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
