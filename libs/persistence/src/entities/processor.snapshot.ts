import type { ProcessorEntity } from './processor.entity';

/** What the audit log keeps of a processor. */
export const processorSnapshot = (row: ProcessorEntity) => ({
  key: row.key,
  name: row.name,
  country: row.country,
  contactEmail: row.contactEmail,
  dpaSignedAt: row.dpaSignedAt?.toISOString() ?? null,
  dpaExpiresAt: row.dpaExpiresAt?.toISOString() ?? null,
  dpaReference: row.dpaReference,
  transferMechanism: row.transferMechanism,
  certifications: row.certifications,
  subProcessors: row.subProcessors,
  version: row.version,
});
