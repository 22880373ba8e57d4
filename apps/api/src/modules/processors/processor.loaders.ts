import { EntityManager, In } from 'typeorm';
import { ProcessorEntity } from '@canopy/persistence';
import { rowLoader } from '../../common/loader-helpers';

export function createProcessorLoaders(m: EntityManager) {
  return {
    processorById: rowLoader<string, ProcessorEntity>((ids) => m.findBy(ProcessorEntity, { id: In([...ids]) }), (p) => p.id),
  };
}

export type ProcessorLoaders = ReturnType<typeof createProcessorLoaders>;
