import { EntityManager, In } from 'typeorm';
import { leanJoinSelect, leanJoinSelectAlso, leanSelect, persistedValue, placeholders, PolicyClauseEntity, PolicyConflictEntity, PolicyEntity, PolicyVersionEntity } from '@canopy/persistence';
import { inChunks, KEY_CHUNK } from '../../common/batch';

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
    const m = this.manager;
    const instant = persistedValue(m, PolicyVersionEntity, 'inForceFrom', at);
    const pair = [
      { property: 'globalVersion', entity: PolicyVersionEntity, alias: 'gv', on: 'gv.id = t.global_version_id' },
      { property: 'serviceVersion', entity: PolicyVersionEntity, alias: 'sv', on: 'sv.id = t.service_version_id' },
    ];
    const also = { select: { superseded: `CASE WHEN ${newerInForce('gv')} OR ${newerInForce('sv')} THEN 1 ELSE 0 END` }, limit: page?.limit };
    const read = async (where: string, parameters: readonly unknown[]) =>
      (await leanJoinSelectAlso(m, PolicyConflictEntity, pair, also, where, [instant, instant, ...parameters], 't.created_at ASC, t.id ASC')).map(({ row, also: extra }) => ({
        row,
        superseded: Number(extra.superseded) === 1,
      }));
    if (page) {
      if (!page.after) return read('1 = 1', []);
      const createdAt = persistedValue(m, PolicyConflictEntity, 'createdAt', page.after.createdAt);
      return read('(t.created_at > ? OR (t.created_at = ? AND t.id > ?))', [createdAt, createdAt, page.after.id]);
    }
    if (serviceIds === 'all') return read('1 = 1', []);
    return inChunks(serviceIds, (ids) => read(`t.service_id IN ${placeholders(ids.length)}`, ids));
  }

  async conflictsOfServices(serviceIds: readonly string[] | 'all'): Promise<PolicyConflictEntity[]> {
    if (serviceIds === 'all') return this.manager.find(PolicyConflictEntity, { order: { createdAt: 'ASC' } });
    return inChunks(serviceIds, (ids) => this.manager.find(PolicyConflictEntity, { where: { serviceId: In(ids) }, order: { createdAt: 'ASC' } }));
  }
}

/** A later-numbered version of the policy of version `alias` is in force at an instant (one `?` parameter, that instant). */
const newerInForce = (alias: string) =>
  `EXISTS (SELECT 1 FROM policy_versions newer_${alias} WHERE newer_${alias}.policy_id = ${alias}.policy_id AND newer_${alias}.status = 'PUBLISHED' AND newer_${alias}.in_force_from <= ? AND newer_${alias}.number > ${alias}.number)`;

/** The version `alias` is the one of its policy in force at an instant (two `?` parameters, both that instant): published, in force by then, and no later number so. */
const inForceWhere = (alias: string) => `${alias}.status = 'PUBLISHED' AND ${alias}.in_force_from <= ? AND NOT ${newerInForce(alias)}`;
