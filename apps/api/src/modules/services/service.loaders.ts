import { In } from 'typeorm';
import { ServiceEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { groupLoader, rowLoader } from '../../common/loader-helpers';

export function createServiceLoaders(db: Database) {
  const m = db.manager;
  return {
    serviceById: rowLoader<string, ServiceEntity>((ids) => m.findBy(ServiceEntity, { id: In([...ids]) }), (s) => s.id),
    servicesByTeamId: groupLoader<string, ServiceEntity>(
      (teamIds) => m.find(ServiceEntity, { where: { teamId: In([...teamIds]) }, order: { key: 'ASC' } }),
      (s) => s.teamId,
    ),
  };
}
