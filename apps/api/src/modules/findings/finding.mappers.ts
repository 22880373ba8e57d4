import type { EffectiveClause as DomainEffectiveClause } from '@canopy/domain';
import type { FindingAcceptanceEntity } from '@canopy/persistence';
import { fromRow } from '../../common/from-row';
import { type EffectiveClause, toEffectiveClause } from '../policies';
import { type Service, toService } from '../services';
import type { ServiceFinding } from './findings-evaluator.app-service';
import { Finding, FindingAcceptance, Severity } from './finding.types';

/**
 * Maps findings to GraphQL objects, sharing one Service and one
 * EffectiveClause object among the findings that point at the same ones
 * (thousands of findings name a few hundred clauses), so a large answer is
 * not dominated by mapping and loader look-ups.
 */
export function findingMapper(): (f: ServiceFinding) => Finding {
  const services = new Map<string, Service>();
  const clauses = new WeakMap<DomainEffectiveClause, EffectiveClause>();
  const clauseOf = (c: DomainEffectiveClause): EffectiveClause => {
    let mapped = clauses.get(c);
    if (!mapped) clauses.set(c, (mapped = toEffectiveClause(c)));
    return mapped;
  };
  return (f) => {
    let service = services.get(f.service.id);
    if (!service) services.set(f.service.id, (service = toService(f.service)));
    return toFinding(f, service, f.clause ? clauseOf(f.clause) : null);
  };
}

export const toFinding = (f: ServiceFinding, service?: Service, clause?: EffectiveClause | null): Finding =>
  Object.assign(new Finding(), {
    rule: f.rule,
    severity: f.severity as Severity,
    dataCategory: f.dataCategory,
    message: f.message,
    clause: clause !== undefined ? clause : f.clause ? toEffectiveClause(f.clause) : null,
    serviceObject: service ?? toService(f.service),
    accepted: f.acceptance !== null,
    acceptedAt: f.acceptance?.acceptedAt ?? null,
    acceptedUntil: f.acceptance?.expiresAt ?? null,
    acceptanceRationale: f.acceptance?.rationale ?? null,
    acceptedById: f.acceptance?.acceptedBy ?? null,
    serviceId: f.serviceId,
  });

export const toFindingAcceptance = (row: FindingAcceptanceEntity): FindingAcceptance =>
  fromRow(FindingAcceptance, row, ['id', 'rule', 'dataCategory', 'rationale', 'acceptedAt', 'expiresAt', 'serviceId'], { acceptedById: row.acceptedBy });
