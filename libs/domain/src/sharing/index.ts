export * from './state-machine';
export * from './approvals';
export * from './required-approvals';
export * from './dpa';
export * from './inventory-coverage';
export * from './policy-permits';
export * from './checks';
export * from './shared-categories';
