/**
 * @canopy/domain: Canopy's pure rules (DESIGN.md sections 1-5, 8 and 9). No
 * I/O, no framework; every function is deterministic given its inputs.
 */
export * from './keys';
export * from './shared';
export * from './taxonomy';
export * from './clauses';
export * from './precedence';
export * from './amendments';
export * from './findings';
export * from './inventory';
export * from './sharing';
export * from './access';
export * from './regions';
export * from './organisation';
export * from './assessments';
export * from './transfers';
export * from './what-if';
export * from './notifications';
export * from './notices';
