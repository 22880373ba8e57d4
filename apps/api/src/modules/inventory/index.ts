/** The inventory feature's face to the other features: reading inventories (current or as of an instant) and validating proposed ones. */
export { currentInventories, inventoriesAt } from './inventory.queries';
export { createInventoryLoaders, type InventoryLoaders } from './inventory.loaders';
export { validateInventory, type ItemFacts } from './inventory.validation';
export { InventoryItemInput } from './inventory.inputs';
export type { InventoryContext } from './inventory.context';
