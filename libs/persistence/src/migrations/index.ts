import { Foundation1764400000000 } from './1764400000000-foundation';

/** Every migration, oldest first. Each runs unchanged on MySQL/MariaDB and SQLite. */
export const ALL_MIGRATIONS = [Foundation1764400000000];
