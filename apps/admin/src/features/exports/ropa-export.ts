import type { ExportRopaQuery } from '../../gql/graphql';
import { toCsv } from '../../lib/download';

export type RecordOfProcessing = ExportRopaQuery['recordOfProcessing'];
type Activity = RecordOfProcessing['activities'][number];

const list = (values: readonly string[]) => values.join('; ');

/**
 * One column per Art. 30(1) entry, one row per processing activity (a
 * service and a purpose): the same columns, in the same order, as
 * `canopy export ropa --format csv`, so a file from the console and one from
 * the CLI compare line for line.
 */
const COLUMNS: readonly (readonly [string, (a: Activity, at: string) => string])[] = [
  ['service', (a) => a.serviceKey],
  ['service_name', (a) => a.serviceName],
  ['team', (a) => a.teamKey],
  ['lifecycle', (a) => a.lifecycle],
  ['purpose', (a) => a.purpose],
  ['purpose_name', (a) => a.purposeName],
  ['legal_bases', (a) => list(a.legalBases)],
  ['data_subjects', (a) => list(a.dataSubjects)],
  ['data_categories', (a) => list(a.dataCategories.map((c) => (c.sensitive ? `${c.key} (sensitive)` : c.key)))],
  ['recipients', (a) => list(a.recipients.map((r) => `${r.processorName} [${r.processorKey}] (${r.country}): ${r.dataCategories.join(', ')}`))],
  [
    'transfers_outside_home_region',
    (a) =>
      list(
        a.recipients
          .filter((r) => r.outsideHomeRegion)
          .map((r) => `${r.processorKey} (${r.country}): ${r.transferMechanism && r.transferMechanism !== 'NOT_REQUIRED' ? r.transferMechanism : 'NO MECHANISM RECORDED'}`),
      ),
  ],
  [
    'transfers',
    (a) =>
      list(a.transfers.map((t) => `${t.recipient} (${t.country}): ${t.restricted ? (t.lawful ? t.basis : `UNLAWFUL${t.basis ? ` (${t.basis})` : ''}`) : 'not restricted'}`)),
  ],
  ['dpia', (a) => `${a.dpia.summary}${a.dpia.criteria.length ? ` [${a.dpia.criteria.join(' / ')}]` : ''}`],
  ['erasure_time_limits', (a) => list(a.erasureTimeLimits.map((e) => `${e.dataCategory}: ${e.description}`))],
  ['security_measures', (a) => list([...a.securityMeasures, ...a.dataCategories.map((c) => `${c.key} encryption ${c.encryption}`)])],
  ['gaps', (a) => list(a.gaps)],
  ['as_of', (_a, at) => at],
];

export const ROPA_CSV_HEADER = COLUMNS.map(([name]) => name);

export function ropaCsv(record: RecordOfProcessing): string {
  return toCsv(
    ROPA_CSV_HEADER,
    record.activities.map((a) => COLUMNS.map(([, value]) => value(a, record.at))),
  );
}
