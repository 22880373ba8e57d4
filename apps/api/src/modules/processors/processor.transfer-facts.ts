import type { ProcessorTransferFacts, TransferMechanism } from '@canopy/domain';
import type { ProcessorEntity } from '@canopy/persistence';

/** What the domain's transfer rules read of a processor and its sub-processors. */
export function processorTransferFacts(row: ProcessorEntity): ProcessorTransferFacts {
  return {
    key: row.key,
    country: row.country,
    transferMechanism: row.transferMechanism as TransferMechanism | null,
    certifications: row.certifications,
    subProcessors: (row.subProcessors ?? []).map((s) => ({ name: s.name, country: s.country, transferMechanism: (s.transferMechanism ?? null) as TransferMechanism | null })),
  };
}
