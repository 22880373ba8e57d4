import DataLoader from 'dataloader';
import type { ServiceEntity } from '@canopy/persistence';
import type { EffectivePolicyLoaders } from '../policies';
import type { ServiceLoaders } from '../services';
import type { OrganisationLoaders } from '../../common/organisation-facts';
import type { FindingsMeasure, ServiceFinding } from './findings-evaluator.app-service';

/**
 * Findings of the services of one request, all measured at the request's
 * `now`, against the request's own effective policies and organisation facts
 * (taxonomy, settings, adequacy register: read once, shared with the
 * effective-policy field and the sharing checks).
 */
export function createFindingsLoaders(findings: FindingsMeasure, loaders: ServiceLoaders & EffectivePolicyLoaders & OrganisationLoaders, now: Date) {
  return {
    findingsByServiceId: new DataLoader<string, ServiceFinding[]>(async (serviceIds) => {
      const [services, organisation, effective] = await Promise.all([
        Promise.all(serviceIds.map((id) => loaders.serviceById.load(id))),
        loaders.organisationFacts(),
        Promise.all(serviceIds.map((serviceId) => loaders.effectivePolicy.load({ serviceId, at: now }))),
      ]);
      const found = services.filter((s): s is ServiceEntity => s !== null);
      const map = await findings.evaluate(found, new Map(serviceIds.map((id, i) => [id, effective[i]])), now, organisation.taxonomy, false, organisation);
      return serviceIds.map((id) => map.get(id) ?? []);
    }),
  };
}

export type FindingsLoaders = ReturnType<typeof createFindingsLoaders>;
