import type { ServiceEntity } from '@canopy/persistence';
import { fromRow } from '../../common/from-row';
import { Lifecycle, Service } from './service.types';

export const toService = (row: ServiceEntity): Service =>
  fromRow(Service, row, ['id', 'key', 'name', 'description', 'servesMinors', 'version', 'createdAt', 'updatedAt', 'teamId', 'inventoryVersion'], {
    lifecycle: row.lifecycle as Lifecycle,
    public: row.public ?? false,
    noticeRecipients: row.noticeRecipients ?? [],
  });
