import type { RequestContext } from '../../auth/request-context';
import type { ServiceLoaders } from '../services';
import type { InventoryService } from './inventory.app-service';
import type { InventoryLoaders } from './inventory.loaders';

/** What the inventory feature's resolvers use of their request. */
export type InventoryContext = RequestContext<{ inventory: InventoryService }, InventoryLoaders & ServiceLoaders>;
