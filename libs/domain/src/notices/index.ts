export * from './issue-rules';
export * from './publish-rules';
export * from './notice-text';
export * from './public-policy';
