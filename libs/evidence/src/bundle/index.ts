export * from './format';
export * from './digests';
export * from './failures';
export * from './create-bundle';
export * from './verify-bundle';
