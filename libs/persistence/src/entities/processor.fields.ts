import { Column } from 'typeorm';
import { InstantColumn } from './columns';

/** What a processor's history keeps of it (processor_revisions): every field of processors but its id, key, version and instants. */
export abstract class ProcessorFields {
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
}

export const PROCESSOR_FIELDS = [
  'name', 'country', 'contactEmail', 'dpaSignedAt', 'dpaExpiresAt', 'dpaReference', 'transferMechanism', 'certifications', 'subProcessors',
] as const satisfies readonly (keyof ProcessorFields)[];

export interface SubProcessorRecord {
  name: string;
  country: string;
  purpose: string | null;
  /** The sub-processor's own transfer mechanism (a TransferMechanism); absent in records written before it existed. */
  transferMechanism?: string | null;
}
