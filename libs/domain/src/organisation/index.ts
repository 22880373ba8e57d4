export * from './organisation-profile';
