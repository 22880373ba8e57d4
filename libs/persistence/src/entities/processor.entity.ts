import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, KeyColumn } from './columns';

/**
 * A third-party processor (GDPR Art. 28): the contract's fields plus what a
 * processor record needs (DPA reference, transfer mechanism, sub-processors).
 * Every change bumps `version`; the audit log keeps before and after.
 */
@Entity('processors')
@Index('UQ_processors_key', ['key'], { unique: true })
@Index('IDX_processors_country', ['country'])
@Index('IDX_processors_dpa_expires_at', ['dpaExpiresAt'])
export class ProcessorEntity {
  @IdColumn() id: string;
  @KeyColumn() key: string;
  @Column('varchar', { length: 200 }) name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  @Column('varchar', { length: 2 }) country: string;
  @Column('varchar', { length: 254, name: 'contact_email', nullable: true }) contactEmail: string | null;
  @InstantColumn('dpa_signed_at', { nullable: true }) dpaSignedAt: Date | null;
  @InstantColumn('dpa_expires_at', { nullable: true }) dpaExpiresAt: Date | null;
  @Column('varchar', { length: 200, name: 'dpa_reference', nullable: true }) dpaReference: string | null;
  @Column('varchar', { length: 40, name: 'transfer_mechanism', nullable: true }) transferMechanism: string | null;
  /** JSON array of strings. */
  @Column('simple-json') certifications: string[];
  /** JSON array of { name, country, purpose, transferMechanism }. */
  @Column('simple-json', { name: 'sub_processors', nullable: true }) subProcessors: SubProcessorRecord[] | null;
  @Column('integer') version: number;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
}

export interface SubProcessorRecord {
  name: string;
  country: string;
  purpose: string | null;
  /** The sub-processor's own transfer mechanism (a TransferMechanism); absent in records written before it existed. */
  transferMechanism?: string | null;
}
