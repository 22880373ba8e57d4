import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, KeyColumn } from './columns';
import { ProcessorFields } from './processor.fields';

/**
 * A third-party processor (GDPR Art. 28): the contract's fields plus what a
 * processor record needs (DPA reference, transfer mechanism, sub-processors).
 * Every change bumps `version`; the audit log keeps before and after, and
 * processor_revisions the fields of each version.
 */
@Entity('processors')
@Index('UQ_processors_key', ['key'], { unique: true })
@Index('IDX_processors_country', ['country'])
@Index('IDX_processors_dpa_expires_at', ['dpaExpiresAt'])
export class ProcessorEntity extends ProcessorFields {
  @IdColumn() id: string;
  @KeyColumn() key: string;
  @Column('integer') version: number;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
}

export type { SubProcessorRecord } from './processor.fields';
