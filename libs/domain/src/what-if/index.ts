export * from './transfer-impact';
