import { EntityManager, In } from 'typeorm';
import { PolicyClauseEntity, PolicyConflictEntity, PolicyEntity, PolicyVersionEntity, UserEntity } from '@canopy/persistence';
import type { ConflictState, PolicyClause, PolicyLayer } from '@canopy/domain';

/** Bound-variable lists stay under SQLite's 32,766 limit: one statement for any realistic organisation. */
const CHUNK = 30_000;

export type VersionWithPolicy = PolicyVersionEntity & { policy: PolicyEntity };

async function chunked<K, T>(keys: readonly K[], fetch: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  if (keys.length === 0) return [];
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await fetch(keys.slice(i, i + CHUNK))));
  return out;
}

/** Set-based reads of policies: each method is one statement whatever the number of services. */
export class PolicyStore {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The version of each policy in force at `at`: the highest-numbered
   * published version whose in_force_from is not after `at`. `serviceIds`
   * limits the SERVICE policies read ('all' reads every one); the GLOBAL
   * policy's version is always included.
   */
  async inForceAt(at: Date, serviceIds: readonly string[] | 'all'): Promise<VersionWithPolicy[]> {
    const query = this.manager
      .createQueryBuilder(PolicyVersionEntity, 'v')
      .innerJoinAndSelect('v.policy', 'p')
      .where("v.status = 'PUBLISHED' AND v.inForceFrom <= :at", { at })
      .andWhere(
        "NOT EXISTS (SELECT 1 FROM policy_versions v2 WHERE v2.policy_id = v.policy_id AND v2.status = 'PUBLISHED' AND v2.in_force_from <= :at AND v2.number > v.number)",
      );
    if (serviceIds !== 'all') {
      if (serviceIds.length > CHUNK) return this.inForceAt(at, 'all').then((rows) => rows.filter((r) => r.policy.scope === 'GLOBAL' || serviceIds.includes(r.policy.serviceId ?? '')));
      query.andWhere(serviceIds.length ? "(p.scope = 'GLOBAL' OR p.serviceId IN (:...serviceIds))" : "p.scope = 'GLOBAL'", { serviceIds });
    }
    return (await query.getMany()) as VersionWithPolicy[];
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
    const rows = await chunked(unique, (ids) => this.manager.find(PolicyClauseEntity, { where: { versionId: In(ids) }, order: { position: 'ASC' } }));
    const map = new Map<string, PolicyClauseEntity[]>(unique.map((id) => [id, []]));
    for (const row of rows) map.get(row.versionId)?.push(row);
    return map;
  }

  /** Conflicts bound to any of the given service versions, with the resolvers' e-mails. */
  async conflictsOfServiceVersions(serviceVersionIds: readonly string[]): Promise<{ rows: PolicyConflictEntity[]; emails: Map<string, string> }> {
    const unique = [...new Set(serviceVersionIds)];
    const rows = await chunked(unique, (ids) => this.manager.find(PolicyConflictEntity, { where: { serviceVersionId: In(ids) } }));
    return { rows, emails: await this.emailsOf(rows.map((r) => r.resolvedBy)) };
  }

  async conflictsOfServices(serviceIds: readonly string[] | 'all'): Promise<PolicyConflictEntity[]> {
    if (serviceIds === 'all') return this.manager.find(PolicyConflictEntity, { order: { createdAt: 'ASC' } });
    return chunked([...new Set(serviceIds)], (ids) => this.manager.find(PolicyConflictEntity, { where: { serviceId: In(ids) }, order: { createdAt: 'ASC' } }));
  }

  async emailsOf(userIds: readonly (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
    if (!ids.length) return new Map();
    const users = await this.manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, email: true } });
    return new Map(users.map((u) => [u.id, u.email]));
  }
}

export const toDomainClause = (row: PolicyClauseEntity): PolicyClause => ({
  topic: row.topic as PolicyClause['topic'],
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

/** The stored conflict as the fold sees it at `at`: its resolution counts from resolvedAt on. */
export function conflictStateAt(row: PolicyConflictEntity, emails: Map<string, string>, at: Date): ConflictState {
  const resolved = row.resolvedAt !== null && row.resolvedAt.getTime() <= at.getTime();
  return {
    id: row.id,
    topic: row.topic as ConflictState['topic'],
    subject: row.subject,
    globalValue: row.globalValue,
    serviceValue: row.serviceValue,
    status: resolved ? 'RESOLVED' : 'OPEN',
    resolution: resolved ? (row.resolution as ConflictState['resolution']) : null,
    rationale: resolved ? row.rationale : null,
    resolvedByEmail: resolved && row.resolvedBy ? (emails.get(row.resolvedBy) ?? null) : null,
    resolvedAt: resolved ? row.resolvedAt : null,
    carriedFromId: row.carriedFromId,
  };
}
