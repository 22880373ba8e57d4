import { Foundation1764400000000 } from './1764400000000-foundation';
import { Policies1764400001000 } from './1764400001000-policies';
import { InventorySharing1764400002000 } from './1764400002000-inventory-sharing';
import { Records1764400003000 } from './1764400003000-records';
import { Performance1764400005000 } from './1764400005000-performance';
import { InventoryVersion1764400006000 } from './1764400006000-inventory-version';

/** Every migration, oldest first. Each runs unchanged on MySQL/MariaDB and SQLite. */
export const ALL_MIGRATIONS = [Foundation1764400000000, Policies1764400001000, InventorySharing1764400002000, Records1764400003000, Performance1764400005000, InventoryVersion1764400006000];
