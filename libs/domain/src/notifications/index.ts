export * from './events';
export * from './recipients';
export * from './retry';
export * from './audience';
