import type { ApolloClient } from '@apollo/client';
import { getFragmentData } from '../../gql';
import { AuditEventRow_event, AuditEventsQuery } from './AuditEventList';
import type { AuditEventFilter, AuditEventRow_EventFragment, AuditEventsQuery as AuditEventsQueryResult } from '../../gql/graphql';
import { toCsv } from '../../lib/download';

type AuditEventRow = AuditEventRow_EventFragment;

export const AUDIT_CSV_HEADER = ['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'hash', 'before', 'after'];

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export function auditCsv(events: readonly AuditEventRow[]): string {
  return toCsv(
    AUDIT_CSV_HEADER,
    events.map((e) => [e.seq, e.at, e.actor?.email ?? 'system', e.action, e.entityType, e.entityId, e.hash, json(e.before), json(e.after)]),
  );
}

/** Every event the filter matches, oldest first, page by page (200 a page, the API's largest). */
export async function fetchAuditEvents(client: ApolloClient, filter: AuditEventFilter, onProgress?: (loaded: number, total: number) => void): Promise<AuditEventRow[]> {
  const events: AuditEventRow[] = [];
  let after: string | null = null;
  for (;;) {
    const { data }: { data?: AuditEventsQueryResult } = await client.query({ query: AuditEventsQuery, variables: { filter, first: 200, after }, fetchPolicy: 'network-only' });
    if (!data) throw new Error('The audit log could not be read.');
    events.push(...data.auditEvents.edges.map((e) => getFragmentData(AuditEventRow_event, e.node)));
    onProgress?.(events.length, data.auditEvents.totalCount);
    if (!data.auditEvents.pageInfo.hasNextPage || !data.auditEvents.pageInfo.endCursor) return events;
    after = data.auditEvents.pageInfo.endCursor;
  }
}
