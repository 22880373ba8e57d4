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
import { AuditDraft, chainAuditEvents } from './audit-chain';
import { AuditSpill } from './audit-spill';
import { DatasetStream } from './dataset-stream';
import type { DatasetLogins, DatasetOptions, OrganisationRows, ServiceChunkRows } from './dataset-types';

/** SQLite binds at most 32,766 variables per statement; stay under with room to spare. */
const MAX_VARIABLES = 30_000;
/** Rows per INSERT on any dialect: keeps a statement well under MySQL's max_allowed_packet. */
const MAX_ROWS = 1000;
/** Service keys returned per list: enough for any benchmark's pages, bounded whatever the size. */
export const RETURNED_KEYS = 1000;

export interface GeneratedDataset {
  logins: DatasetLogins;
  /** The first RETURNED_KEYS (1,000) keys of the services with a service policy, and of those without. */
  serviceKeysWithPolicy: string[];
  serviceKeysWithoutPolicy: string[];
  /** How many services have a service policy (all of them, not only the keys returned). */
  servicesWithPolicy: number;
  globalPolicyKey: string;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Milliseconds: generating the rows (and ordering and chaining the audit events), and writing them. */
  buildMs: number;
  writeMs: number;
}

type Insert = <T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, list: T[]) => Promise<void>;

/**
 * Writes a generated organisation (see DatasetStream) into a migrated
 * database with bounded memory: the organisation-wide rows, then the services
 * chunk by chunk (options.chunkSize, one transaction per chunk), in multi-row
 * INSERTs through the persistence entities, chunked under SQLite's
 * bound-variable limit. The audit events wait on disk (AuditSpill) and are
 * chained onto the current head oldest first at the end, so seq grows with
 * time and verifyAuditLog holds afterwards. Not atomic: a failure leaves what
 * was written. Benchmarks and tests only: the logins' tokens are
 * deterministic from the seed.
 */
export async function generateDataset(dataSource: DataSource, options: DatasetOptions = {}): Promise<GeneratedDataset> {
  const [categories, uses] = await Promise.all([dataSource.manager.find(TaxonomyCategoryEntity), dataSource.manager.find(TaxonomyUseEntity)]);
  const counts: Record<string, number> = {};
  let buildMs = 0;
  let writeMs = 0;
  const timed = async <T>(work: () => T | Promise<T>, into: 'build' | 'write'): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      if (into === 'build') buildMs += performance.now() - started;
      else writeMs += performance.now() - started;
    }
  };
  const insert: Insert = async (tx, entity, list) => {
    const metadata = tx.connection.getMetadata(entity);
    counts[metadata.tableName] = (counts[metadata.tableName] ?? 0) + list.length;
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / metadata.columns.length)));
    for (let i = 0; i < list.length; i += perStatement) {
      await tx.createQueryBuilder().insert().into(entity).values(list.slice(i, i + perStatement)).updateEntity(false).execute();
    }
  };

  /** Hands each item to `write`, the drawing of it counted as building. */
  const forEachDrawn = async <T>(items: Iterator<T>, write: (item: T) => Promise<void>) => {
    for (let next = await timed(() => items.next(), 'build'); !next.done; next = await timed(() => items.next(), 'build')) await write(next.value);
  };

  const stream = await timed(() => new DatasetStream(new Taxonomy(categories, uses), options), 'build');
  const organisation = stream.organisation;
  const spill = new AuditSpill();
  const keys = { withPolicy: [] as string[], withoutPolicy: [] as string[], servicesWithPolicy: 0 };
  try {
    spill.add(organisation.audit);
    await timed(() => dataSource.transaction((tx) => writeOrganisation(tx, organisation, insert)), 'write');
    await forEachDrawn(stream.serviceChunks(), async (chunk) => {
      await timed(() => spill.add(chunk.audit), 'build');
      keys.servicesWithPolicy += chunk.serviceKeysWithPolicy.length;
      keys.withPolicy.push(...chunk.serviceKeysWithPolicy.slice(0, RETURNED_KEYS - keys.withPolicy.length));
      keys.withoutPolicy.push(...chunk.serviceKeysWithoutPolicy.slice(0, RETURNED_KEYS - keys.withoutPolicy.length));
      await timed(() => dataSource.transaction((tx) => writeServiceChunk(tx, chunk, insert)), 'write');
    });
    await forEachDrawn(spill.oldestFirst(), (drafts) => timed(() => dataSource.transaction((tx) => appendAudit(tx, drafts, insert)), 'write'));
  } finally {
    spill.dispose();
  }

  return {
    logins: organisation.logins,
    serviceKeysWithPolicy: keys.withPolicy,
    serviceKeysWithoutPolicy: keys.withoutPolicy,
    servicesWithPolicy: keys.servicesWithPolicy,
    globalPolicyKey: organisation.globalPolicyKey,
    counts,
    buildMs,
    writeMs,
  };
}

async function writeOrganisation(tx: EntityManager, rows: OrganisationRows, insert: Insert): Promise<void> {
  await insert(tx, TeamEntity, rows.teams);
  await insert(tx, UserEntity, rows.users);
  await insert(tx, TeamMemberEntity, rows.members);
  await insert(tx, ApiTokenEntity, rows.tokens);
  await insert(tx, ProcessorEntity, rows.processors);
  await insert(tx, ProcessorRevisionEntity, rows.processors.map((row) => processorRevisionOf(row.id, row, row.createdAt)));
  await insert(tx, PolicyEntity, rows.policies);
  await insert(tx, PolicyVersionEntity, rows.versions);
  await insert(tx, PolicyClauseEntity, rows.clauses);
}

async function writeServiceChunk(tx: EntityManager, rows: ServiceChunkRows, insert: Insert): Promise<void> {
  await insert(tx, ServiceEntity, rows.services);
  await insert(tx, ServiceRevisionEntity, rows.services.map((row) => serviceRevisionOf(row.id, row, row.createdAt)));
  await insert(tx, InventoryItemEntity, rows.inventory);
  await insert(tx, PolicyEntity, rows.policies);
  await insert(tx, PolicyVersionEntity, rows.versions);
  await insert(tx, PolicyClauseEntity, rows.clauses);
  await insert(tx, PolicyConflictEntity, rows.conflicts);
  await insert(tx, SharingArrangementEntity, rows.arrangements);
  await insert(tx, SharingArrangementRevisionEntity, rows.revisions);
  await insert(tx, SharingApprovalEntity, rows.approvals);
}

/** Chains the drafts (oldest first) onto the current head and moves the head, in the caller's transaction. */
async function appendAudit(tx: EntityManager, drafts: readonly AuditDraft[], insert: Insert): Promise<void> {
  // Lock the head first, as the API does, so no writer interleaves.
  await tx.createQueryBuilder().update(AuditHeadEntity).set({ seq: () => 'seq' }).where('id = 1').execute();
  const head = await tx.findOneByOrFail(AuditHeadEntity, { id: 1 });
  const chained = chainAuditEvents(head, drafts);
  await insert(tx, AuditEventEntity, chained.events);
  await tx.update(AuditHeadEntity, { id: 1 }, chained.head);
}
