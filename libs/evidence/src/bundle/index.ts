export * from './format';
export * from './digests';
export * from './failures';
export * from './bundle-writer';
export * from './read-bundle';
export * from './verify-bundle';
