import { isDpaValid } from '@canopy/domain';
import type { ProcessorEntity } from '@canopy/persistence';
import { Processor, SubProcessor, TransferMechanism } from './processor.types';

/** `dpaValid` is judged at `now`, the request's instant. */
export const toProcessor = (row: ProcessorEntity, now: Date): Processor =>
  Object.assign(new Processor(), {
    id: row.id,
    key: row.key,
    name: row.name,
    country: row.country,
    contactEmail: row.contactEmail,
    dpaSignedAt: row.dpaSignedAt,
    dpaExpiresAt: row.dpaExpiresAt,
    certifications: row.certifications,
    dpaReference: row.dpaReference,
    transferMechanism: row.transferMechanism as TransferMechanism | null,
    subProcessors: (row.subProcessors ?? []).map((s) => Object.assign(new SubProcessor(), { ...s, transferMechanism: (s.transferMechanism ?? null) as TransferMechanism | null })),
    dpaValid: isDpaValid(row, now),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
