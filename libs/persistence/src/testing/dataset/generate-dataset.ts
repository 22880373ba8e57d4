import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Taxonomy } from '@canopy/domain';
import {
  ApiTokenEntity,
  AuditEventEntity,
  AuditHeadEntity,
  InventoryItemEntity,
  PolicyClauseEntity,
  PolicyConflictEntity,
  PolicyEntity,
  PolicyVersionEntity,
  ProcessorEntity,
  ProcessorRevisionEntity,
  processorRevisionOf,
  ServiceEntity,
  ServiceRevisionEntity,
  serviceRevisionOf,
  SharingApprovalEntity,
  SharingArrangementEntity,
  SharingArrangementRevisionEntity,
  TaxonomyCategoryEntity,
  TaxonomyUseEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
} from '../../entities';
import { chainAuditEvents } from './audit-chain';
import { buildDataset, DatasetLogin, DatasetOptions } from './build-dataset';

/** SQLite binds at most 32,766 variables per statement; stay under with room to spare. */
const MAX_VARIABLES = 30_000;
/** Rows per INSERT on any dialect: keeps a statement well under MySQL's max_allowed_packet. */
const MAX_ROWS = 1000;

export interface GeneratedDataset {
  logins: { admin: DatasetLogin; officers: DatasetLogin[]; auditor: DatasetLogin; engineers: DatasetLogin[] };
  serviceKeysWithPolicy: string[];
  serviceKeysWithoutPolicy: string[];
  globalPolicyKey: string;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Milliseconds: building the rows in memory, and writing them. */
  buildMs: number;
  writeMs: number;
}

/**
 * Writes a generated organisation (see buildDataset) into a migrated database
 * in one transaction, in multi-row INSERTs through the persistence entities,
 * chunked under SQLite's bound-variable limit. The audit events chain onto
 * the current head, so verifyAuditLog holds afterwards. Benchmarks and tests
 * only: the logins' tokens are deterministic from the seed.
 */
export async function generateDataset(dataSource: DataSource, options: DatasetOptions = {}): Promise<GeneratedDataset> {
  const started = performance.now();
  const [categories, uses] = await Promise.all([dataSource.manager.find(TaxonomyCategoryEntity), dataSource.manager.find(TaxonomyUseEntity)]);
  const rows = buildDataset(new Taxonomy(categories, uses), options);
  const built = performance.now();
  const counts: Record<string, number> = {};

  await dataSource.transaction(async (tx) => {
    const insert = async <T extends ObjectLiteral>(entity: EntityTarget<T>, list: T[]) => {
      const metadata = tx.connection.getMetadata(entity);
      counts[metadata.tableName] = (counts[metadata.tableName] ?? 0) + list.length;
      const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / metadata.columns.length)));
      for (let i = 0; i < list.length; i += perStatement) {
        await tx.createQueryBuilder().insert().into(entity).values(list.slice(i, i + perStatement)).updateEntity(false).execute();
      }
    };
    await insert(TeamEntity, rows.teams);
    await insert(UserEntity, rows.users);
    await insert(TeamMemberEntity, rows.members);
    await insert(ApiTokenEntity, rows.tokens);
    await insert(ServiceEntity, rows.services);
    await insert(ServiceRevisionEntity, rows.services.map((row) => serviceRevisionOf(row.id, row, row.createdAt)));
    await insert(InventoryItemEntity, rows.inventory);
    await insert(ProcessorEntity, rows.processors);
    await insert(ProcessorRevisionEntity, rows.processors.map((row) => processorRevisionOf(row.id, row, row.createdAt)));
    await insert(PolicyEntity, rows.policies);
    await insert(PolicyVersionEntity, rows.versions);
    await insert(PolicyClauseEntity, rows.clauses);
    await insert(PolicyConflictEntity, rows.conflicts);
    await insert(SharingArrangementEntity, rows.arrangements);
    await insert(SharingArrangementRevisionEntity, rows.revisions);
    await insert(SharingApprovalEntity, rows.approvals);
    await appendAudit(tx, rows.audit, insert);
  });

  return {
    logins: rows.logins,
    serviceKeysWithPolicy: rows.serviceKeysWithPolicy,
    serviceKeysWithoutPolicy: rows.serviceKeysWithoutPolicy,
    globalPolicyKey: rows.globalPolicyKey,
    counts,
    buildMs: built - started,
    writeMs: performance.now() - built,
  };
}

async function appendAudit(
  tx: EntityManager,
  drafts: Parameters<typeof chainAuditEvents>[1],
  insert: (entity: EntityTarget<AuditEventEntity>, list: AuditEventEntity[]) => Promise<void>,
): Promise<void> {
  // Lock the head first, as the API does, so no writer interleaves.
  await tx.createQueryBuilder().update(AuditHeadEntity).set({ seq: () => 'seq' }).where('id = 1').execute();
  const head = await tx.findOneByOrFail(AuditHeadEntity, { id: 1 });
  const chained = chainAuditEvents(head, drafts);
  await insert(AuditEventEntity, chained.events);
  await tx.update(AuditHeadEntity, { id: 1 }, chained.head);
}
