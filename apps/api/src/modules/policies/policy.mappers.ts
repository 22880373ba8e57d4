import type { ConflictState, EffectiveClause as DomainEffectiveClause, PolicyClause as DomainPolicyClause, PolicyLayer } from '@canopy/domain';
import type { PolicyClauseEntity, PolicyConflictEntity, PolicyEntity, PolicyVersionEntity } from '@canopy/persistence';
import type { ConflictView } from './conflict.app-service';
import type { VersionWithPolicy } from './policy.queries';
import { ClauseSource, ClauseTopic, ConflictStatus, NoticeChannel, PolicyScope, PolicyVersionStatus, Resolution } from './policy.enums';
import { EffectiveClause, Policy, PolicyConflict, PolicyVersion } from './policy.types';

export const toPolicy = (row: PolicyEntity): Policy =>
  Object.assign(new Policy(), { id: row.id, key: row.key, title: row.title, scope: row.scope as PolicyScope, serviceId: row.serviceId });

export const toPolicyVersion = (row: PolicyVersionEntity): PolicyVersion =>
  Object.assign(new PolicyVersion(), {
    id: row.id,
    number: row.number,
    status: row.status as PolicyVersionStatus,
    effectiveAt: row.effectiveAt,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    inForceFrom: row.inForceFrom,
    notice: row.noticeChannels && row.noticeAt ? { channels: JSON.parse(row.noticeChannels) as NoticeChannel[], noticeAt: row.noticeAt } : null,
    policyId: row.policyId,
    publishedById: row.publishedBy,
    storedMaterialReduction: row.materialReduction,
    storedWeakenedSubjects: row.weakenedSubjects ? (JSON.parse(row.weakenedSubjects) as string[]) : null,
  });

export const toPolicyConflict = (view: ConflictView): PolicyConflict =>
  Object.assign(new PolicyConflict(), {
    id: view.row.id,
    topic: view.row.topic as ClauseTopic,
    subject: view.row.subject,
    globalValue: view.row.globalValue,
    serviceValue: view.row.serviceValue,
    globalPolicyVersion: view.globalVersion.number,
    servicePolicyVersion: view.serviceVersion.number,
    status: view.status as ConflictStatus,
    resolution: view.status === 'RESOLVED' || view.row.resolvedAt ? (view.row.resolution as Resolution | null) : null,
    rationale: view.row.rationale,
    resolvedAt: view.row.resolvedAt,
    createdAt: view.row.createdAt,
    globalInForceFrom: view.globalVersion.inForceFrom,
    serviceInForceFrom: view.serviceVersion.inForceFrom,
    governedCategories: JSON.parse(view.row.governedCategories),
    carriedFromId: view.row.carriedFromId,
    serviceId: view.row.serviceId,
    resolvedById: view.row.resolvedBy,
  });

export const toEffectiveClause = (clause: DomainEffectiveClause): EffectiveClause =>
  Object.assign(new EffectiveClause(), {
    topic: clause.topic as ClauseTopic,
    subject: clause.subject,
    value: clause.value,
    source: clause.source as ClauseSource,
    policyKey: clause.policyKey,
    policyVersion: clause.policyVersion,
    pendingReview: clause.pendingReview,
    explanation: clause.explanation,
    clauseSubject: clause.clauseSubject,
    text: clause.text,
    conflictId: clause.conflictId,
  });

// Stored rows as the domain's rules take them.

export const toDomainClause = (row: PolicyClauseEntity): DomainPolicyClause => ({
  topic: row.topic as DomainPolicyClause['topic'],
  subject: row.subject,
  value: row.value,
  locked: row.locked,
  text: row.text,
});

export function layerOf(version: VersionWithPolicy, clauses: readonly PolicyClauseEntity[]): PolicyLayer {
  return {
    source: version.policy.scope === 'GLOBAL' ? 'GLOBAL' : 'SERVICE',
    policyKey: version.policy.key,
    version: version.number,
    clauses: clauses.map(toDomainClause),
  };
}

/**
 * A stored conflict as it stands now (RESOLVED once resolved); the domain's
 * conflictAsOf gives its state at an earlier instant. `emails` names the
 * resolvers for the explanation, when the caller read them.
 */
export const toConflictState = (row: PolicyConflictEntity, emails?: ReadonlyMap<string, string>): ConflictState => ({
  id: row.id,
  topic: row.topic as ConflictState['topic'],
  subject: row.subject,
  globalValue: row.globalValue,
  serviceValue: row.serviceValue,
  status: row.resolvedAt ? 'RESOLVED' : 'OPEN',
  resolution: row.resolvedAt ? (row.resolution as ConflictState['resolution']) : null,
  rationale: row.resolvedAt ? row.rationale : null,
  resolvedByEmail: row.resolvedAt && row.resolvedBy ? (emails?.get(row.resolvedBy) ?? null) : null,
  resolvedAt: row.resolvedAt,
  carriedFromId: row.carriedFromId,
});
