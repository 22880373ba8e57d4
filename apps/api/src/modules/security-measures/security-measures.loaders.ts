import type { EntityManager } from 'typeorm';
import { asOfLoader } from '../../common/loader-helpers';
import { measuresOf } from './security-measures.queries';

/** Security measures per service, current (`at` null) or as of an instant: one statement per distinct instant in a batch. */
export function createSecurityMeasureLoaders(m: EntityManager) {
  return {
    securityMeasuresAt: asOfLoader<string[], Date | null>((serviceIds, at) => measuresOf(m, serviceIds, at), []),
  };
}

export type SecurityMeasureLoaders = ReturnType<typeof createSecurityMeasureLoaders>;
