import { carryForwardResolutions, ConflictState, detectConflicts, PolicyLayer } from '@canopy/domain';
import { PolicyConflictEntity, PolicyEntity, PolicyVersionEntity } from '../../entities';
import { RATIONALES } from './catalogue';
import { actor, DatasetContext, DAY } from './dataset-context';
import type { ServiceChunkRows } from './dataset-types';
import type { OrganisationRefs } from './organisation';
import { serviceClauses } from './policy-clauses';
import { publishVersion, recordPublished } from './policy-publication';
import type { RegisteredService } from './service-registration';

/**
 * A service policy: half depart from the global one somewhere (1 to 3 weaker
 * clauses), their conflicts detected by the domain's own rules and half of
 * them resolved; a quarter get a second version, onto which resolutions carry forward.
 */
export function buildServicePolicy(ctx: DatasetContext, org: OrganisationRefs, service: RegisteredService, out: ServiceChunkRows): void {
  const { random, taxonomy } = ctx;
  const { row } = service;
  const g2 = org.globalVersion;
  const engineer = random.pick(org.engineersOfTeam[service.teamIndex]);
  const policy = Object.assign(new PolicyEntity(), {
    id: random.uuid(),
    key: `${row.key}-policy`,
    title: `${row.name} privacy policy`,
    scope: 'SERVICE',
    serviceId: row.id,
    globalMarker: null,
    createdAt: ctx.between(ctx.at(175), ctx.at(172)),
  });
  out.policies.push(policy);
  out.audit.push({ at: policy.createdAt, ...actor(engineer), action: 'policy.created', entityType: 'policy', entityId: policy.key, after: { key: policy.key, title: policy.title, scope: 'SERVICE', service: row.key } });

  const departs = random.chance(0.5);
  const set1 = serviceClauses(random, departs ? random.int(1, 3) : 0);
  const officer = random.pick(org.officerUsers);
  const s1 = publishVersion(ctx, out, policy, 1, set1, null, ctx.between(ctx.at(170), ctx.at(60)), officer, 'SERVICE');
  const secondAt = random.chance(0.25) ? ctx.between(new Date(s1.version.publishedAt!.getTime() + 10 * DAY), ctx.at(5)) : null;

  const pairConflicts = (layer: PolicyLayer, versionRow: PolicyVersionEntity, previous: ConflictState[]) => {
    const created = versionRow.publishedAt as Date;
    return carryForwardResolutions(previous, detectConflicts(g2.layer, layer, taxonomy)).map(({ candidate, inherited }) => {
      const { topic, subject, globalValue, serviceValue } = candidate;
      const ids = { id: random.uuid(), serviceId: row.id, globalVersionId: g2.version.id, serviceVersionId: versionRow.id };
      const carried = { carriedFromId: inherited?.carriedFromId ?? null, resolution: inherited?.resolution ?? null, rationale: inherited?.rationale ?? null };
      const resolved = { resolvedBy: inherited?.resolvedByEmail ?? null, resolvedAt: inherited?.resolvedAt ?? null };
      return Object.assign(new PolicyConflictEntity(), { ...ids, topic, subject, globalValue, serviceValue, governedCategories: JSON.stringify(candidate.governedCategories), createdAt: created, ...carried, ...resolved });
    });
  };
  // Half of the conflicts an officer resolves, while the pair is in force.
  const resolveSome = (rows: PolicyConflictEntity[], until: Date) => {
    for (const conflict of rows) {
      if (conflict.resolvedAt || !random.chance(0.5)) continue;
      const resolver = random.pick(org.officerUsers);
      conflict.resolution = random.chance(0.6) ? 'SERVICE_PREVAILS' : 'GLOBAL_PREVAILS';
      conflict.rationale = random.pick(RATIONALES);
      conflict.resolvedBy = resolver.id;
      conflict.resolvedAt = ctx.between(new Date(conflict.createdAt.getTime() + DAY), until);
      out.audit.push({
        at: conflict.resolvedAt,
        ...actor(resolver),
        action: 'conflict.resolved',
        entityType: 'conflict',
        entityId: conflict.id,
        before: { status: 'OPEN' },
        after: { status: 'RESOLVED', resolution: conflict.resolution, rationale: conflict.rationale, topic: conflict.topic, subject: conflict.subject, globalValue: conflict.globalValue, serviceValue: conflict.serviceValue },
      });
    }
  };
  const c1 = pairConflicts(s1.layer, s1.version, []);
  resolveSome(c1, secondAt ? new Date(secondAt.getTime() - DAY) : ctx.at(1));
  out.conflicts.push(...c1);
  recordPublished(out, policy, s1.version, officer, { conflictsOpened: c1.length, conflictsCarriedForward: 0, servicesWithConflicts: c1.length ? [row.key] : [] });
  if (!secondAt) return;

  // v2 keeps most of v1 (its resolved departures too, so their resolutions carry forward) and changes a little.
  const extra = serviceClauses(random, random.chance(0.3) ? 1 : 0).filter((c) => !set1.some((o) => o.topic === c.topic && o.subject === c.subject));
  const set2 = [...set1.filter(() => random.chance(0.85)), ...extra.slice(0, 2)];
  if (set2.length === 0) set2.push(set1[0]);
  const s2 = publishVersion(ctx, out, policy, 2, set2, set1, secondAt, officer, 'SERVICE');
  const previous: ConflictState[] = c1
    .filter((c) => c.resolvedAt)
    .map((c) => ({ id: c.id, topic: c.topic as ConflictState['topic'], subject: c.subject, globalValue: c.globalValue, serviceValue: c.serviceValue, status: 'RESOLVED', resolution: c.resolution as ConflictState['resolution'], rationale: c.rationale, resolvedAt: c.resolvedAt, resolvedByEmail: c.resolvedBy }));
  const c2 = pairConflicts(s2.layer, s2.version, previous);
  resolveSome(c2, ctx.at(1));
  out.conflicts.push(...c2);
  const carried = c2.filter((c) => c.carriedFromId).length;
  recordPublished(out, policy, s2.version, officer, { conflictsOpened: c2.length - carried, conflictsCarriedForward: carried, servicesWithConflicts: c2.length ? [row.key] : [] });
}
