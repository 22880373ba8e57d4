import { EntityManager, In } from 'typeorm';
import { leanSelect, placeholders, ServiceEntity } from '@canopy/persistence';
import { groupLoader, loadReferenced, rowLoader } from '../../common/loader-helpers';
import { toService } from './service.mappers';
import type { Service } from './service.types';

/** Per-request loaders of services; a service found by key is also served by id without another statement. */
export function createServiceLoaders(m: EntityManager) {
  const serviceById = rowLoader<string, ServiceEntity>((ids) => leanSelect(m, ServiceEntity, `id IN ${placeholders(ids.length)}`, ids), (s) => s.id);
  return {
    serviceById,
    serviceByKey: rowLoader<string, ServiceEntity>(
      async (keys) => {
        const rows = await leanSelect(m, ServiceEntity, `\`key\` IN ${placeholders(keys.length)}`, keys.map((k) => String(k).slice(0, 63)));
        for (const row of rows) serviceById.prime(row.id, row);
        return rows;
      },
      (s) => s.key,
    ),
    servicesByTeamId: groupLoader<string, ServiceEntity>(
      (teamIds) => m.find(ServiceEntity, { where: { teamId: In([...teamIds]) }, order: { key: 'ASC' } }),
      (s) => s.teamId,
    ),
  };
}

export type ServiceLoaders = ReturnType<typeof createServiceLoaders>;

/** The service a record points at, as its GraphQL type; a dangling reference is a server error, never null. */
export function loadService(loaders: Pick<ServiceLoaders, 'serviceById'>, serviceId: string): Promise<Service> {
  return loadReferenced(loaders.serviceById, serviceId, toService, 'service');
}
