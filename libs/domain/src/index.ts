/**
 * @canopy/domain: Canopy's pure rules (DESIGN.md sections 1-5). No I/O, no
 * framework; every function is deterministic given its inputs.
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
