import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RefColumn } from './columns';
import { ProcessorEntity } from './processor.entity';
import { PROCESSOR_FIELDS, ProcessorFields } from './processor.fields';
import { historyOf, RevisionColumns } from './revision';

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
export class ProcessorRevisionEntity extends RevisionColumns(ProcessorFields) {
  @RefColumn('processor_id') processorId: string;
  @ManyToOne(() => ProcessorEntity) @JoinColumn({ name: 'processor_id', foreignKeyConstraintName: 'FK_processor_revisions_processor' }) processor?: ProcessorEntity;
}

/** processorRevisionOf(id, row, validFrom): the revision keeping `row` from `validFrom`; processorAsOf(row, revision): the processor as it was then. */
export const { revisionOf: processorRevisionOf, asOf: processorAsOf } = historyOf(ProcessorRevisionEntity, ProcessorEntity, PROCESSOR_FIELDS, 'processorId');
