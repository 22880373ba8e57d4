export * from './item-problems';
