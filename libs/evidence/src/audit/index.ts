export * from './audit-event-hash';
