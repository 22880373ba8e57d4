import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { AdequacyRegister } from '@canopy/domain';
import { once } from '../../common/loader-helpers';
import type { HomeRegionReader, ResolvedHomeRegion } from '../home-region';
import { loadAdequacyEntries } from './adequacy.queries';

/**
 * The adequacy register, read once per request, and the home region per
 * instant asked about (one statement per distinct instant, whatever the
 * number of arrangements).
 */
export function createTransferLoaders(m: EntityManager, homeRegion: HomeRegionReader) {
  return {
    adequacyRegister: once(async () => new AdequacyRegister(await loadAdequacyEntries(m))),
    homeRegionAt: new DataLoader<Date, ResolvedHomeRegion, number>((instants) => Promise.all(instants.map((at) => homeRegion.at(at, m))), { cacheKeyFn: (at) => at.getTime() }),
  };
}

export type TransferLoaders = ReturnType<typeof createTransferLoaders>;
