export * from './types';
export * from './default-taxonomy';
export * from './taxonomy';
export * from './validate-entry';
