import type { EntityManager } from 'typeorm';
import { leanSelect, placeholders, ProcessorEntity } from '@canopy/persistence';
import { asOfLoader, rowLoader } from '../../common/loader-helpers';
import { processorsAt } from './processor.queries';

export function createProcessorLoaders(m: EntityManager) {
  return {
    processorById: rowLoader<string, ProcessorEntity>((ids) => leanSelect(m, ProcessorEntity, `id IN ${placeholders(ids.length)}`, ids), (p) => p.id),
    /** A processor as it was at an instant, keyed `{ serviceId: processorId, at }` (one statement per distinct instant); null before it was registered. */
    processorAt: asOfLoader<ProcessorEntity | null>(async (ids, at) => new Map((await processorsAt(m, ids, at)).map((p) => [p.id, p])), null),
  };
}

export type ProcessorLoaders = ReturnType<typeof createProcessorLoaders>;
