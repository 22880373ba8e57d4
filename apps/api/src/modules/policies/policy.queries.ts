import { EntityManager, In } from 'typeorm';
import { leanJoinSelect, leanJoinSelectAlso, leanSelect, persistedValue, placeholders, PolicyClauseEntity, PolicyConflictEntity, PolicyEntity, PolicyVersionEntity } from '@canopy/persistence';
import { inChunks, KEY_CHUNK } from '../../common/batch';
import { afterCreated, afterCreatedParameters } from '../../common/paged-list';

/** A page of conflicts, oldest first: up to `limit` after (createdAt, id) `after` (null: from the first). */
export interface ConflictPage {
  after: { createdAt: Date; id: string } | null;
  limit: number;
}

export type VersionWithPolicy = PolicyVersionEntity & { policy: PolicyEntity };

/** Set-based reads of policies: each method is one statement per 10,000 services. */
export class PolicyQueries {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The version of each policy in force at `at`: the highest-numbered
   * published version whose in_force_from is not after `at`. `serviceIds`
   * limits the SERVICE policies read ('all' reads every one); the GLOBAL
   * policy's version is always included.
   */
  async inForceAt(at: Date, serviceIds: readonly string[] | 'all'): Promise<VersionWithPolicy[]> {
    if (serviceIds !== 'all' && serviceIds.length > KEY_CHUNK) {
      return this.inForceAt(at, 'all').then((rows) => rows.filter((r) => r.policy.scope === 'GLOBAL' || serviceIds.includes(r.policy.serviceId ?? '')));
    }
    const instant = persistedValue(this.manager, PolicyVersionEntity, 'inForceFrom', at);
    const inForce = inForceWhere('t');
    // global_marker (not scope): both sides of the OR then have a unique index, so MySQL merges two index
    // look-ups instead of scanning every version (docs/benchmarks.md).
    const [scope, ids] =
      serviceIds === 'all' ? ['', []] : serviceIds.length ? [` AND (j.global_marker = 'GLOBAL' OR j.service_id IN ${placeholders(serviceIds.length)})`, serviceIds] : [" AND j.global_marker = 'GLOBAL'", []];
    const join = { property: 'policy', entity: PolicyEntity, on: 'j.id = t.policy_id' };
    return (await leanJoinSelect(this.manager, PolicyVersionEntity, join, inForce + scope, [instant, instant, ...ids])) as VersionWithPolicy[];
  }

  /** Published versions of the given policies (or of every policy), any time. */
  async publishedVersions(policyIds: readonly string[] | 'all'): Promise<VersionWithPolicy[]> {
    const query = this.manager.createQueryBuilder(PolicyVersionEntity, 'v').innerJoinAndSelect('v.policy', 'p').where("v.status = 'PUBLISHED'");
    if (policyIds !== 'all') {
      if (!policyIds.length) return [];
      query.andWhere('v.policyId IN (:...policyIds)', { policyIds });
    }
    return (await query.orderBy('v.number', 'ASC').getMany()) as VersionWithPolicy[];
  }

  async clausesOf(versionIds: readonly string[]): Promise<Map<string, PolicyClauseEntity[]>> {
    const unique = [...new Set(versionIds)];
    const rows = await inChunks(unique, (ids) => leanSelect(this.manager, PolicyClauseEntity, `version_id IN ${placeholders(ids.length)}`, ids, 'position'));
    const map = new Map<string, PolicyClauseEntity[]>(unique.map((id) => [id, []]));
    for (const row of rows) map.get(row.versionId)?.push(row);
    return map;
  }

  /**
   * Conflicts bound to the service versions in force at `at` of the given services (or of all), with the resolvers'
   * e-mails joined in: one statement per 10,000 services, which needs not wait for inForceAt.
   */
  async conflictsInForceAt(at: Date, serviceIds: readonly string[] | 'all'): Promise<{ rows: PolicyConflictEntity[]; emails: Map<string, string> }> {
    const instant = persistedValue(this.manager, PolicyVersionEntity, 'inForceFrom', at);
    const read = (ids: readonly string[] | null) =>
      leanJoinSelectAlso(
        this.manager,
        PolicyConflictEntity,
        null,
        { select: { resolverEmail: 'r.email' }, leftJoins: 'LEFT JOIN users r ON r.id = t.resolved_by' },
        `t.service_version_id IN (SELECT v.id FROM policy_versions v INNER JOIN policies p ON p.id = v.policy_id WHERE ${
          ids ? `p.service_id IN ${placeholders(ids.length)}` : "p.scope = 'SERVICE'"
        } AND ${inForceWhere('v')})`,
        [...(ids ?? []), instant, instant],
      );
    const found = serviceIds === 'all' ? await read(null) : serviceIds.length ? await inChunks(serviceIds, read) : [];
    const emails = new Map<string, string>();
    for (const { row, also } of found) if (row.resolvedBy && typeof also.resolverEmail === 'string') emails.set(row.resolvedBy, also.resolverEmail);
    return { rows: found.map(({ row }) => row), emails };
  }

  /**
   * Conflicts of the given services (or all), oldest first, each with both versions of its pair and
   * whether a newer version of either side is in force at `at` (SUPERSEDED): one statement, where
   * reading the versions and the versions in force apart took three.
   */
  async conflictsWithPairs(serviceIds: readonly string[] | 'all', at: Date, page?: ConflictPage): Promise<{ row: PolicyConflictEntity; superseded: boolean }[]> {
    const newer = (side: string) =>
      `EXISTS (SELECT 1 FROM policy_versions n_${side} WHERE n_${side}.policy_id = ${side}.policy_id AND n_${side}.status = 'PUBLISHED' AND n_${side}.in_force_from <= :at AND n_${side}.number > ${side}.number)`;
    const query = () =>
      this.manager
        .createQueryBuilder(PolicyConflictEntity, 'c')
        .innerJoinAndSelect('c.globalVersion', 'gv')
        .innerJoinAndSelect('c.serviceVersion', 'sv')
        .addSelect(`CASE WHEN ${newer('gv')} OR ${newer('sv')} THEN 1 ELSE 0 END`, 'superseded')
        .setParameter('at', at)
        .orderBy('c.createdAt', 'ASC')
        .addOrderBy('c.id', 'ASC');
    const read = async (q: ReturnType<typeof query>) => {
      const { entities, raw } = await q.getRawAndEntities();
      const superseded = new Map((raw as { c_id: string; superseded: number | string }[]).map((r) => [r.c_id, Number(r.superseded) === 1]));
      return entities.map((row) => ({ row, superseded: superseded.get(row.id) ?? false }));
    };
    if (page) {
      const q = query().limit(page.limit);
      return read(page.after ? q.where(afterCreated('c'), afterCreatedParameters(page.after)) : q);
    }
    if (serviceIds === 'all') return read(query());
    return inChunks(serviceIds, (ids) => read(query().where('c.serviceId IN (:...ids)', { ids })));
  }

  async conflictsOfServices(serviceIds: readonly string[] | 'all'): Promise<PolicyConflictEntity[]> {
    if (serviceIds === 'all') return this.manager.find(PolicyConflictEntity, { order: { createdAt: 'ASC' } });
    return inChunks(serviceIds, (ids) => this.manager.find(PolicyConflictEntity, { where: { serviceId: In(ids) }, order: { createdAt: 'ASC' } }));
  }
}

/** The version `alias` is the one of its policy in force at an instant (two `?` parameters, both that instant): published, in force by then, and no later number so. */
const inForceWhere = (alias: string) =>
  `${alias}.status = 'PUBLISHED' AND ${alias}.in_force_from <= ? AND NOT EXISTS (SELECT 1 FROM policy_versions v2 WHERE v2.policy_id = ${alias}.policy_id AND v2.status = 'PUBLISHED' AND v2.in_force_from <= ? AND v2.number > ${alias}.number)`;
