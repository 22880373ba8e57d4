/**
 * The findings feature's face to the other features: the Finding GraphQL
 * type and its mapper, measuring services against given effective policies
 * (an impact preview's hypothetical ones), and the facts findings read
 * (the manifest check measures a proposed inventory with the same rules).
 */
export { Finding } from './finding.types';
export { findingMapper } from './finding.mappers';
export type { FindingsMeasure, ServiceFinding } from './findings-evaluator.app-service';
export { loadFindingsFacts, type FindingsFacts } from './findings.queries';
export { createFindingsLoaders, type FindingsLoaders } from './findings.loaders';
export type { FindingsContext } from './findings.context';
export { measuredAt } from './measured-at';
