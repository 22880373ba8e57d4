export * from './keys';
export * from './tree-head';
