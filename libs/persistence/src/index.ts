export * from './entities';
export * from './data-source';
export * from './database-url';
export * from './query-counter';
export * from './schema-drift';
export * from './testing/test-database';
export * from './testing/bulk-policies';
export * from './testing/dataset';
