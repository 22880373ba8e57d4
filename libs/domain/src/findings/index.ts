export * from './rules';
export * from './types';
export * from './evaluate-findings';
export * from './assessment-findings';
export * from './notice-findings';
