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
      // The effective policies load while the services' other facts are read.
      const effective = Promise.all(serviceIds.map((serviceId) => loaders.effectivePolicy.load({ serviceId, at: now }))).then(
        (policies) => new Map(serviceIds.map((id, i) => [id, policies[i]])),
      );
      // So do the organisation's shared facts: the services' rows do not wait for them.
      const organisation = loaders.organisationFacts();
      // Awaited below; if the services fail first, their error is the one this batch reports.
      for (const pending of [effective, organisation]) pending.catch(() => undefined);
      const services = await Promise.all(serviceIds.map((id) => loaders.serviceById.load(id)));
      const found = services.filter((s): s is ServiceEntity => s !== null);
      const map = await findings.evaluate(found, effective, now, organisation.then((o) => o.taxonomy), false, organisation);
      return serviceIds.map((id) => map.get(id) ?? []);
    }),
  };
}

export type FindingsLoaders = ReturnType<typeof createFindingsLoaders>;
