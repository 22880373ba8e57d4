import { In } from 'typeorm';
import { ProcessorEntity, ProcessorRevisionEntity, processorRevisionOf, processorSnapshot } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, notFound, versionConflict } from '../../common/errors';
import { appendRevision } from '../../common/history';
import { newId } from '../../common/ids';
import { optionalText, requireSlug, requireText } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { appendAuditEvent, insertAudited } from '../audit';
import type { RegisterProcessorInput, UpdateProcessorInput } from './processor.inputs';
import {
  optionalEmail,
  requireCertifications,
  requireConsistentDpa,
  requireCountry,
  requireDpaOrder,
  requireSignedNotInFuture,
  requireSubProcessors,
} from './processor.validation';

type ProcessorChanges = Partial<Omit<ProcessorEntity, 'id' | 'key' | 'version' | 'createdAt' | 'updatedAt'>>;

/** Registering and maintaining processors: privacy officers only (checked by the resolver's role guard). */
export class ProcessorRegistry {
  constructor(private readonly db: Database) {}

  async register(actor: Viewer, input: RegisterProcessorInput): Promise<ProcessorEntity> {
    requireSlug(input.key, 'key');
    const name = requireText(input.name, 'name');
    const country = requireCountry(input.country, 'country');
    const contactEmail = optionalEmail(input.contactEmail, 'contactEmail');
    const dpaSignedAt = input.dpaSignedAt ?? null;
    const dpaExpiresAt = input.dpaExpiresAt ?? null;
    requireConsistentDpa(dpaSignedAt, dpaExpiresAt, this.db.clock.now());
    const certifications = requireCertifications(input.certifications);
    const dpaReference = optionalText(input.dpaReference, 'dpaReference', 200);
    const subProcessors = requireSubProcessors(input.subProcessors);
    return this.db.write(async (tx, now) => {
      if (await tx.existsBy(ProcessorEntity, { key: input.key })) {
        throw badInput(`A processor with key "${input.key}" already exists.`, { argument: 'key' });
      }
      const row = await insertAudited(tx, now, actor, ProcessorEntity, {
        id: newId(),
        key: input.key,
        name,
        country,
        contactEmail,
        dpaSignedAt,
        dpaExpiresAt,
        dpaReference,
        transferMechanism: input.transferMechanism ?? null,
        certifications,
        subProcessors,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }, (row) => ({ action: 'processor.registered', entityType: 'processor', entityId: row.key, after: processorSnapshot(row) }));
      await tx.insert(ProcessorRevisionEntity, processorRevisionOf(newId(), row, now));
      return row;
    });
  }

  /** DPA renewal, contact changes and the rest; omitted fields stay, null clears. */
  async update(actor: Viewer, input: UpdateProcessorInput): Promise<ProcessorEntity> {
    const changes: ProcessorChanges = {};
    if (input.name != null) changes.name = requireText(input.name, 'name');
    if (input.country != null) changes.country = requireCountry(input.country, 'country');
    if (input.contactEmail !== undefined) changes.contactEmail = optionalEmail(input.contactEmail, 'contactEmail');
    if (input.dpaSignedAt !== undefined) changes.dpaSignedAt = input.dpaSignedAt;
    if (input.dpaExpiresAt !== undefined) changes.dpaExpiresAt = input.dpaExpiresAt;
    if (input.certifications !== undefined) changes.certifications = requireCertifications(input.certifications);
    if (input.dpaReference !== undefined) changes.dpaReference = optionalText(input.dpaReference, 'dpaReference', 200);
    if (input.transferMechanism !== undefined) changes.transferMechanism = input.transferMechanism;
    if (input.subProcessors !== undefined) changes.subProcessors = requireSubProcessors(input.subProcessors);
    const current = await this.db.manager.findOneBy(ProcessorEntity, { key: String(input.key).slice(0, 63) });
    if (changes.dpaSignedAt !== undefined) requireSignedNotInFuture(changes.dpaSignedAt, this.db.clock.now());
    if (current) {
      // The dates as they would be after the change (a signature already on record is not re-judged against the clock).
      requireDpaOrder(
        changes.dpaSignedAt !== undefined ? changes.dpaSignedAt : current.dpaSignedAt,
        changes.dpaExpiresAt !== undefined ? changes.dpaExpiresAt : current.dpaExpiresAt,
      );
    }
    if (!current) throw notFound('Processor', input.key);

    return this.db.write(async (tx, now) => {
      const row = await tx.findOneByOrFail(ProcessorEntity, { id: current.id });
      if (row.version !== input.expectedVersion) throw versionConflict(`Processor "${row.key}"`, input.expectedVersion, row.version);
      requireDpaOrder(changes.dpaSignedAt !== undefined ? changes.dpaSignedAt : row.dpaSignedAt, changes.dpaExpiresAt !== undefined ? changes.dpaExpiresAt : row.dpaExpiresAt);
      const effective = Object.fromEntries(
        Object.entries(changes).filter(([field, value]) => !sameValue((row as unknown as Record<string, unknown>)[field], value)),
      ) as ProcessorChanges;
      if (Object.keys(effective).length === 0) return row; // nothing to change: no new version, no audit event
      const before = processorSnapshot(row);
      const next = await updateVersioned(tx, ProcessorEntity, row, effective, now, { what: `Processor "${row.key}"`, expected: input.expectedVersion });
      const updated = Object.assign(row, next);
      await appendRevision(tx, ProcessorRevisionEntity, 'processor_id', row.id, processorRevisionOf(newId(), updated, now), now);
      await appendAuditEvent(tx, now, actor, {
        action: 'processor.updated',
        entityType: 'processor',
        entityId: row.key,
        before,
        after: processorSnapshot(updated),
      });
      return updated;
    });
  }

  byKey(key: string): Promise<ProcessorEntity | null> {
    return this.db.manager.findOneBy(ProcessorEntity, { key: String(key).slice(0, 63) });
  }

  /** How many processors `list` reads: one COUNT. */
  count(): Promise<number> {
    return this.db.manager.count(ProcessorEntity);
  }

  list(): Promise<ProcessorEntity[]> {
    return this.db.manager.find(ProcessorEntity, { order: { key: 'ASC' } });
  }

  byIds(ids: readonly string[]): Promise<ProcessorEntity[]> {
    return ids.length ? this.db.manager.findBy(ProcessorEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
