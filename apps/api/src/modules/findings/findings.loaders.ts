import DataLoader from 'dataloader';
import type { FindingsEvaluator, ServiceFinding } from './findings-evaluator.app-service';

/** Findings of the services of one request, all measured at the same instant (the request's start). */
export function createFindingsLoaders(findings: FindingsEvaluator, now: Date) {
  return {
    findingsByServiceId: new DataLoader<string, ServiceFinding[]>(async (serviceIds) => {
      const map = await findings.forServices(serviceIds, now);
      return serviceIds.map((id) => map.get(id) ?? []);
    }),
  };
}
