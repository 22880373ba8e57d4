import DataLoader from 'dataloader';
import type { Application } from '../../application';
import type { Database } from '../../common/database';
import { InventoryItemResolver, ServiceInventoryResolver } from '../inventory/inventory.resolver';
import { InventoryService } from '../inventory/inventory.app-service';
import { createInventoryLoaders } from '../inventory/inventory.loaders';
import type { EffectivePolicyReader, ServiceEffectivePolicy } from '../policies/effective-policy.port';
import { ProcessorRegistry } from '../processors/processor-registry.app-service';
import { createProcessorLoaders } from '../processors/processor.loaders';
import { ProcessorResolver } from '../processors/processor.resolver';
import { SharingApprovalResolver, SharingArrangementFieldsResolver } from '../sharing/sharing-fields.resolver';
import { SharingQueries } from '../sharing/sharing-queries.app-service';
import { ProcessorSharingResolver, ServiceSharingResolver } from '../sharing/sharing-relations.resolver';
import { SharingRequests } from '../sharing/sharing-requests.app-service';
import { SharingReview } from '../sharing/sharing-review.app-service';
import { createSharingLoaders } from '../sharing/sharing.loaders';
import { SharingResolver } from '../sharing/sharing.resolver';
import { FindingAcceptances } from './finding-acceptance.app-service';
import { FindingAcceptanceResolver, FindingAcceptedByResolver, ServiceFindingsResolver } from './finding-fields.resolver';
import { FindingsEvaluator } from './findings-evaluator.app-service';
import { createFindingsLoaders } from './findings.loaders';
import { FindingsResolver } from './findings.resolver';

/**
 * Inventories, processors, sharing and findings (issue 4), wired in one place
 * so application.ts, loaders.ts and schema.ts each take one line.
 */
export function createComplianceServices(db: Database, policies: EffectivePolicyReader) {
  const findings = new FindingsEvaluator(db, policies);
  return {
    inventory: new InventoryService(db),
    processors: new ProcessorRegistry(db),
    sharing: new SharingRequests(db),
    sharingReview: new SharingReview(db, policies),
    sharingQueries: new SharingQueries(db),
    findings,
    findingAcceptances: new FindingAcceptances(db, findings),
  };
}

const EMPTY: ServiceEffectivePolicy = { clauses: [], openConflictsInForce: [] };

/** Per-request loaders of the four features; one "now" per request for live checks and findings. */
export function createComplianceLoaders(app: Pick<Application, 'db' | 'policies' | 'findings'>) {
  const complianceNow = new Date();
  return {
    ...createInventoryLoaders(app.db),
    ...createProcessorLoaders(app.db),
    ...createSharingLoaders(app.db),
    ...createFindingsLoaders(app.findings, complianceNow),
    complianceNow,
    /** Effective policies at the request's "now", for the live sharing checks. */
    effectivePolicyNow: new DataLoader<string, ServiceEffectivePolicy>(async (serviceIds) => {
      const map = await app.policies.effectiveFor(serviceIds, complianceNow);
      return serviceIds.map((id) => map.get(id) ?? EMPTY);
    }),
  };
}

export const COMPLIANCE_RESOLVERS: Function[] = [
  ServiceInventoryResolver,
  InventoryItemResolver,
  ProcessorResolver,
  ProcessorSharingResolver,
  SharingResolver,
  SharingArrangementFieldsResolver,
  SharingApprovalResolver,
  ServiceSharingResolver,
  FindingsResolver,
  FindingAcceptedByResolver,
  FindingAcceptanceResolver,
  ServiceFindingsResolver,
];
