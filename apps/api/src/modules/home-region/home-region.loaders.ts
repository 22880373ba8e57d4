import type { EntityManager } from 'typeorm';
import { once } from '../../common/loader-helpers';
import type { HomeRegionReader } from './home-region.app-service';

/** The home region in force at the request's `now`, read at most once per request. */
export function createHomeRegionLoaders(reader: HomeRegionReader, m: EntityManager, now: Date) {
  return { homeRegionNow: once(() => reader.at(now, m)) };
}

export type HomeRegionLoaders = ReturnType<typeof createHomeRegionLoaders>;
