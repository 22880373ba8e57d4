/** The home-region feature's face to the other features: the region in force at an instant. */
export type { HomeRegionReader, ResolvedHomeRegion } from './home-region.app-service';
export { HomeRegion } from './home-region.types';
export type { HomeRegionContext } from './home-region.context';
export { createHomeRegionLoaders, type HomeRegionLoaders } from './home-region.loaders';
