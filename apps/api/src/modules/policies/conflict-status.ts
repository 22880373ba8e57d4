import type { PolicyConflictEntity, PolicyVersionEntity } from '@canopy/persistence';

export type ConflictStatusValue = 'OPEN' | 'RESOLVED' | 'SUPERSEDED';

/**
 * A conflict's status at an instant, derived from time (DESIGN.md section 2):
 * SUPERSEDED once a newer version of either side is in force, RESOLVED from
 * its resolvedAt on, OPEN otherwise (a scheduled pair's conflicts included).
 */
export function conflictStatusAt(
  conflict: PolicyConflictEntity,
  versions: ReadonlyMap<string, Pick<PolicyVersionEntity, 'number' | 'policyId'>>,
  inForceNumberByPolicy: ReadonlyMap<string, number>,
  at: Date,
): ConflictStatusValue {
  for (const versionId of [conflict.globalVersionId, conflict.serviceVersionId]) {
    const version = versions.get(versionId);
    const inForce = version ? inForceNumberByPolicy.get(version.policyId) : undefined;
    if (version && inForce !== undefined && inForce > version.number) return 'SUPERSEDED';
  }
  return conflict.resolvedAt && conflict.resolvedAt.getTime() <= at.getTime() ? 'RESOLVED' : 'OPEN';
}
