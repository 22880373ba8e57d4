export * from './slug';
export * from './taxonomy-key';
