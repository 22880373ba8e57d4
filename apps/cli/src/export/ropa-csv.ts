import { stringify } from 'csv-stringify/sync';
import type { RecordOfProcessingData } from '../client/operations';

type Record = RecordOfProcessingData['recordOfProcessing'];

/** The CSV columns, one row per processing activity (service and purpose), GDPR Art. 30(1) order. */
export const ROPA_CSV_COLUMNS = [
  'service',
  'service_name',
  'team',
  'lifecycle',
  'purpose',
  'purpose_name',
  'legal_bases',
  'data_subjects',
  'data_categories',
  'recipients',
  'transfers_outside_home_region',
  'transfers',
  'dpia',
  'erasure_time_limits',
  'security_measures',
  'gaps',
  'as_of',
] as const;

/**
 * Lists inside a cell are joined with "; " (semicolons never occur in keys,
 * and the CSV quoting keeps free text intact). Dates are ISO 8601 UTC. The
 * first line is the header. The DPIA cell is the API's summary followed by
 * the criteria met, in brackets.
 */
export function ropaToCsv(record: Record): string {
  const join = (values: readonly string[]) => values.join('; ');
  const rows = record.activities.map((a) => [
    a.serviceKey,
    a.serviceName,
    a.teamKey,
    a.lifecycle,
    a.purpose,
    a.purposeName,
    join(a.legalBases),
    join(a.dataSubjects),
    join(a.dataCategories.map((c) => `${c.key}${c.sensitive ? ' (sensitive)' : ''}`)),
    join(a.recipients.map((r) => `${r.processorName} [${r.processorKey}] (${r.country}): ${r.dataCategories.join(', ')}`)),
    join(
      a.recipients
        .filter((r) => r.outsideHomeRegion)
        .map((r) => `${r.processorKey} (${r.country}): ${r.transferMechanism && r.transferMechanism !== 'NOT_REQUIRED' ? r.transferMechanism : 'NO MECHANISM RECORDED'}`),
    ),
    join(a.transfers.map((t) => `${t.recipient} (${t.country}): ${t.restricted ? (t.lawful ? t.basis : `UNLAWFUL${t.basis ? ` (${t.basis})` : ''}`) : 'not restricted'}`)),
    `${a.dpia.summary}${a.dpia.criteria.length ? ` [${a.dpia.criteria.join(' / ')}]` : ''}`,
    join(a.erasureTimeLimits.map((e) => `${e.dataCategory}: ${e.description}`)),
    join([...a.securityMeasures, ...a.dataCategories.map((c) => `${c.key} encryption ${c.encryption}`)]),
    join(a.gaps),
    record.at,
  ]);
  return stringify([[...ROPA_CSV_COLUMNS], ...rows], { record_delimiter: 'unix' });
}
