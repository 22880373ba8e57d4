export * from './topics';
export * from './scales';
export * from './types';
export * from './subject';
export * from './clause-index';
export * from './validate-clause-set';
