import canonicalize from 'canonicalize';
import { byCodeUnit } from '../shared/order';
import type { ArrangementContent, ProcessorTransferFacts } from './transfer-facts';

const PREFIX = 'tia-content/1:';

/**
 * What a TIA assesses of an arrangement (DESIGN.md section 9), as one
 * comparable string: the processor, categories, purposes, legal basis, and
 * the processor's and sub-processors' countries and mechanisms. Version,
 * status and approvals are not read, so the version bump of an approval
 * leaves it unchanged. Lists are compared as sets (categories, purposes) or
 * multisets (sub-processors' country and mechanism pairs); a sub-processor's
 * name and purpose are not content: the design names only its country and
 * mechanism. RFC 8785 canonical JSON behind a version prefix: compare
 * fingerprints as opaque strings.
 */
export function tiaContentFingerprint(arrangement: ArrangementContent, processor: ProcessorTransferFacts): string {
  const set = (values: readonly string[]) => [...new Set(values)].sort(byCodeUnit);
  const content = {
    processor: processor.key,
    categories: set(arrangement.dataCategories),
    purposes: set(arrangement.purposes),
    legalBasis: arrangement.legalBasis,
    country: processor.country.toUpperCase(),
    mechanism: processor.transferMechanism ?? null,
    subProcessors: (processor.subProcessors ?? []).map((s) => `${s.country.toUpperCase()} ${s.transferMechanism ?? '-'}`).sort(byCodeUnit),
  };
  return PREFIX + (canonicalize(content) ?? '');
}
