/**
 * The impact preview of a policy draft (`PolicyVersion.impact`): what
 * publishing it would change, the findings included. It sits above policies
 * and findings and nothing depends on it.
 */
export type { ImpactContext } from './impact.context';
