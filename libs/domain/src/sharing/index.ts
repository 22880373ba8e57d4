export * from './state-machine';
export * from './required-approvals';
export * from './dpa';
export * from './inventory-coverage';
export * from './policy-permits';
export * from './checks';
export * from './shared-categories';
export * from './assessment-checks';
