import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PolicyClauseEntity, PolicyEntity, PolicyVersionEntity, ServiceEntity, ServiceRevisionEntity, serviceRevisionOf, TeamEntity } from '../entities';

export interface BulkServicePoliciesOptions {
  teamKey: string;
  count: number;
  /** The clauses of every service policy's published v1. */
  clauses: { topic: string; subject: string; value: string }[];
  keyPrefix?: string;
  publishedAt?: Date;
}

const CHUNK = 1000;

async function insertChunked<T extends object>(dataSource: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // updateEntity(false): no read-back of generated columns, whose OR-chain SQLite cannot parse at this size.
    await dataSource.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + CHUNK) as never).updateEntity(false).execute();
  }
}

/**
 * Fixtures and benchmarks only: writes `count` services, each with a SERVICE
 * policy whose v1 is published, straight into the tables (no audit events).
 * Conflicts are not computed: publish a GLOBAL version through the API after.
 */
export async function bulkInsertServicesWithPolicies(dataSource: DataSource, options: BulkServicePoliciesOptions): Promise<string[]> {
  const team = await dataSource.manager.findOneByOrFail(TeamEntity, { key: options.teamKey });
  const at = options.publishedAt ?? new Date(Date.now() - 60_000);
  const prefix = options.keyPrefix ?? 'bulk';
  const services: ServiceEntity[] = [];
  const policies: PolicyEntity[] = [];
  const versions: PolicyVersionEntity[] = [];
  const clauses: PolicyClauseEntity[] = [];
  for (let i = 0; i < options.count; i++) {
    const key = `${prefix}-${String(i).padStart(5, '0')}`;
    const service = Object.assign(new ServiceEntity(), {
      id: randomUUID(), key, name: `Bulk ${i}`, description: null, teamId: team.id, lifecycle: 'ACTIVE', servesMinors: false, version: 1, createdAt: at, updatedAt: at,
    });
    const policy = Object.assign(new PolicyEntity(), { id: randomUUID(), key: `${key}-policy`, title: `${key} policy`, scope: 'SERVICE', serviceId: service.id, globalMarker: null, createdAt: at });
    const version = Object.assign(new PolicyVersionEntity(), {
      id: randomUUID(), policyId: policy.id, number: 1, status: 'PUBLISHED', effectiveAt: at, publishedAt: at, inForceFrom: at, publishedBy: null,
      noticeChannels: null, noticeAt: null, materialReduction: false, weakenedSubjects: '[]', createdAt: at, updatedAt: at,
    });
    services.push(service);
    policies.push(policy);
    versions.push(version);
    options.clauses.forEach((c, position) =>
      clauses.push(Object.assign(new PolicyClauseEntity(), { id: randomUUID(), versionId: version.id, position, topic: c.topic, subject: c.subject, value: c.value, locked: false, text: null })),
    );
  }
  await insertChunked(dataSource, ServiceEntity, services);
  await insertChunked(dataSource, ServiceRevisionEntity, services.map((row) => serviceRevisionOf(row.id, row, row.createdAt)));
  await insertChunked(dataSource, PolicyEntity, policies);
  await insertChunked(dataSource, PolicyVersionEntity, versions);
  await insertChunked(dataSource, PolicyClauseEntity, clauses);
  return services.map((s) => s.key);
}
