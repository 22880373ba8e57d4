export * from './vocabulary';
export * from './dates';
export * from './order';
export * from './countries';
export * from './versions';
