import type { ServiceEntity } from '@canopy/persistence';
import { Lifecycle, Service } from './service.types';

export const toService = (row: ServiceEntity): Service =>
  Object.assign(new Service(), {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    lifecycle: row.lifecycle as Lifecycle,
    servesMinors: row.servesMinors,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    public: row.public ?? false,
    noticeRecipients: row.noticeRecipients ?? [],
    teamId: row.teamId,
    inventoryVersion: row.inventoryVersion,
  });
