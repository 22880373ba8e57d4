export * from './types';
export * from './default-taxonomy';
export * from './taxonomy';
