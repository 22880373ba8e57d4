import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { type AdequacyEntry, AdequacyRegister } from '@canopy/domain';
import { once } from '../../common/loader-helpers';
import type { HomeRegionReader, ResolvedHomeRegion } from '../home-region';
import { loadAdequacyEntries } from './adequacy.queries';

/**
 * The adequacy register, read once per request (from the request's
 * organisation facts, or alone), and the home region per
 * instant asked about (one statement per distinct instant, whatever the
 * number of arrangements).
 */
export function createTransferLoaders(m: EntityManager, homeRegion: HomeRegionReader, adequacy: () => Promise<readonly AdequacyEntry[]> = () => loadAdequacyEntries(m)) {
  return {
    adequacyRegister: once(async () => new AdequacyRegister(await adequacy())),
    homeRegionAt: new DataLoader<Date, ResolvedHomeRegion, number>((instants) => Promise.all(instants.map((at) => homeRegion.at(at, m))), { cacheKeyFn: (at) => at.getTime() }),
  };
}

export type TransferLoaders = ReturnType<typeof createTransferLoaders>;
