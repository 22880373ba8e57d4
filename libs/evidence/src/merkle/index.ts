export * from './hashing';
export * from './subtrees';
export * from './proof-plans';
export * from './subtree-source';
export * from './frontier';
export * from './append';
export * from './memory-store';
export * from './verify';
