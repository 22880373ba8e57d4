import type { Taxonomy } from '@canopy/domain';
import { byTimeThenOrder } from './audit-spill';
import { DatasetStream } from './dataset-stream';
import type { DatasetOptions, DatasetRows } from './dataset-types';

/**
 * A whole generated organisation in memory (see DatasetStream for what it
 * holds), its audit events oldest first: for tests and small sizes. The
 * database generator (generateDataset) streams the same rows instead.
 */
export function buildDataset(taxonomy: Taxonomy, options: DatasetOptions = {}): DatasetRows {
  const stream = new DatasetStream(taxonomy, options);
  const org = stream.organisation;
  const rows: DatasetRows = {
    ...org,
    policies: [...org.policies],
    versions: [...org.versions],
    clauses: [...org.clauses],
    services: [],
    inventory: [],
    conflicts: [],
    arrangements: [],
    revisions: [],
    approvals: [],
    audit: [...org.audit],
    serviceKeysWithPolicy: [],
    serviceKeysWithoutPolicy: [],
  };
  for (const chunk of stream.serviceChunks()) {
    for (const [name, list] of Object.entries(chunk)) (rows[name as keyof typeof chunk] as unknown[]).push(...(list as unknown[]));
  }
  rows.audit = rows.audit.map((draft, order) => ({ draft, order })).sort((a, b) => byTimeThenOrder(a.draft.at.getTime(), a.order, b.draft.at.getTime(), b.order)).map((e) => e.draft);
  return rows;
}
