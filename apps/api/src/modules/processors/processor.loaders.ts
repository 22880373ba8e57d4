import { In } from 'typeorm';
import { ProcessorEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { rowLoader } from '../../common/loader-helpers';

export function createProcessorLoaders(db: Database) {
  const m = db.manager;
  return {
    processorById: rowLoader<string, ProcessorEntity>((ids) => m.findBy(ProcessorEntity, { id: In([...ids]) }), (p) => p.id),
  };
}
