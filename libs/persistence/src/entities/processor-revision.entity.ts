import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from './columns';
import { ProcessorEntity, type SubProcessorRecord } from './processor.entity';

/**
 * One version of a processor's fields (its key and creation never change):
 * name, country, contact, DPA dates and reference, transfer mechanism,
 * certifications and sub-processors with their own mechanisms, valid from
 * `valid_from` until `valid_to` (NULL = current). The processors of any
 * instant are the revisions valid then. Written in the same transaction as
 * the change; only `valid_to` is ever set afterwards.
 */
@Entity('processor_revisions')
@Index('UQ_processor_revisions_version', ['processorId', 'version'], { unique: true })
@Index('IDX_processor_revisions_valid_to', ['validTo'])
export class ProcessorRevisionEntity {
  @IdColumn() id: string;
  @RefColumn('processor_id') processorId: string;
  @Column('integer') version: number;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 2 }) country: string;
  @Column('varchar', { length: 254, name: 'contact_email', nullable: true }) contactEmail: string | null;
  @InstantColumn('dpa_signed_at', { nullable: true }) dpaSignedAt: Date | null;
  @InstantColumn('dpa_expires_at', { nullable: true }) dpaExpiresAt: Date | null;
  @Column('varchar', { length: 200, name: 'dpa_reference', nullable: true }) dpaReference: string | null;
  @Column('varchar', { length: 40, name: 'transfer_mechanism', nullable: true }) transferMechanism: string | null;
  @Column('simple-json') certifications: string[];
  @Column('simple-json', { name: 'sub_processors', nullable: true }) subProcessors: SubProcessorRecord[] | null;
  @InstantColumn('valid_from') validFrom: Date;
  @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;

  @ManyToOne(() => ProcessorEntity)
  @JoinColumn({ name: 'processor_id', foreignKeyConstraintName: 'FK_processor_revisions_processor' })
  processor?: ProcessorEntity;
}

/** The revision that keeps `row` as it is from `validFrom` (the id is the caller's: a fresh UUID). */
export const processorRevisionOf = (id: string, row: ProcessorEntity, validFrom: Date): ProcessorRevisionEntity =>
  Object.assign(new ProcessorRevisionEntity(), {
    id,
    processorId: row.id,
    version: row.version,
    name: row.name,
    country: row.country,
    contactEmail: row.contactEmail,
    dpaSignedAt: row.dpaSignedAt,
    dpaExpiresAt: row.dpaExpiresAt,
    dpaReference: row.dpaReference,
    transferMechanism: row.transferMechanism,
    certifications: row.certifications,
    subProcessors: row.subProcessors,
    validFrom,
    validTo: null,
  });

/** The processor as a revision describes it: the current row's key and creation, the revision's other fields. */
export const processorAsOf = (row: ProcessorEntity, revision: ProcessorRevisionEntity): ProcessorEntity =>
  Object.assign(new ProcessorEntity(), row, {
    version: revision.version,
    name: revision.name,
    country: revision.country,
    contactEmail: revision.contactEmail,
    dpaSignedAt: revision.dpaSignedAt,
    dpaExpiresAt: revision.dpaExpiresAt,
    dpaReference: revision.dpaReference,
    transferMechanism: revision.transferMechanism,
    certifications: revision.certifications,
    subProcessors: revision.subProcessors,
  });
