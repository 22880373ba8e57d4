export * from './home-region';
