import { assessMaterialReduction, PolicyClause, PolicyLayer, validateClauseSet } from '@canopy/domain';
import { PolicyClauseEntity, PolicyEntity, PolicyVersionEntity, publicationChange, type PublicationFacts, UserEntity } from '../../entities';
import { actor, DatasetContext, DAY } from './dataset-context';
import type { PolicyRows } from './dataset-types';

export interface PublishedVersion {
  version: PolicyVersionEntity;
  layer: PolicyLayer;
}

/** A version drafted a few days before it is published, its clauses validated by the domain's own rules; the draft's audit event with it. */
export function publishVersion(
  ctx: DatasetContext,
  out: PolicyRows,
  policy: PolicyEntity,
  number: number,
  set: PolicyClause[],
  previous: PolicyClause[] | null,
  publishedAt: Date,
  publisher: UserEntity,
  scope: 'GLOBAL' | 'SERVICE',
): PublishedVersion {
  const { random, taxonomy } = ctx;
  const errors = validateClauseSet(set, { scope, taxonomy });
  if (errors.length) throw new Error(`dataset: invalid ${policy.key} v${number}: ${errors[0].message}`);
  const assessment = assessMaterialReduction(previous, set, taxonomy);
  const drafted = new Date(publishedAt.getTime() - random.int(1, 5) * DAY);
  const version = Object.assign(new PolicyVersionEntity(), {
    id: random.uuid(),
    policyId: policy.id,
    number,
    status: 'PUBLISHED',
    effectiveAt: publishedAt,
    publishedAt,
    inForceFrom: publishedAt,
    publishedBy: publisher.id,
    noticeChannels: assessment.materialReduction ? JSON.stringify(['EMAIL']) : null,
    noticeAt: assessment.materialReduction ? new Date(publishedAt.getTime() - 45 * DAY) : null,
    materialReduction: assessment.materialReduction,
    weakenedSubjects: JSON.stringify(assessment.weakenedSubjects),
    createdAt: drafted,
    updatedAt: publishedAt,
  });
  out.versions.push(version);
  set.forEach((c, position) =>
    out.clauses.push(
      Object.assign(new PolicyClauseEntity(), { id: random.uuid(), versionId: version.id, position, topic: c.topic, subject: c.subject, value: c.value, locked: Boolean(c.locked), text: c.text ?? null }),
    ),
  );
  const snapshot = set.map((c) => ({ topic: c.topic, subject: c.subject, value: c.value, locked: Boolean(c.locked), text: c.text ?? null }));
  out.audit.push({ at: drafted, ...actor(publisher), action: 'policy.drafted', entityType: 'policy', entityId: policy.key, before: null, after: { number, clauses: snapshot } });
  return { version, layer: { source: scope, policyKey: policy.key, version: number, clauses: set } };
}

export type PublicationOutcome = Pick<PublicationFacts, 'conflictsOpened' | 'conflictsCarriedForward' | 'servicesWithConflicts'>;

/** The audit event of a version's publication, with what it opened and carried forward. */
export function recordPublished(out: PolicyRows, policy: PolicyEntity, version: PolicyVersionEntity, publisher: UserEntity, outcome: PublicationOutcome): void {
  out.audit.push({
    at: version.publishedAt as Date,
    ...actor(publisher),
    action: 'policy.published',
    entityType: 'policy',
    entityId: policy.key,
    ...publicationChange(version.number, {
      effectiveAt: version.effectiveAt!.toISOString(),
      inForceFrom: version.inForceFrom!.toISOString(),
      notice: null,
      materialReduction: version.materialReduction,
      weakenedSubjects: JSON.parse(version.weakenedSubjects ?? '[]'),
      ...outcome,
    }),
  });
}
