export * from './galera-cluster';
