import { Foundation1764400000000 } from './1764400000000-foundation';
import { Policies1764400001000 } from './1764400001000-policies';

/** Every migration, oldest first. Each runs unchanged on MySQL/MariaDB and SQLite. */
export const ALL_MIGRATIONS = [Foundation1764400000000, Policies1764400001000];
