export * from './countries';
export * from './home-region';
