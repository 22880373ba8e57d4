import { Fragment, useState } from 'react';
import { Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { AuditDiff } from './AuditDiff';
import { HeadedTable } from '../../components/HeadedTable';
import { RouterLink } from '../../components/links';
import { auditEntityPath } from './audit-entities';

/** The entity an event concerns, its id linked to its page when it has one. */
function AuditEntity({ type, id }: { type: string; id: string }) {
  const path = auditEntityPath(type, id);
  return (
    <>
      {type}{' '}
      {path ? (
        <RouterLink to={path} aria-label={`Open ${type} ${id}`}>
          {id}
        </RouterLink>
      ) : (
        <Text span c="dimmed" size="sm">
          {id}
        </Text>
      )}
    </>
  );
}

export const AuditEventRow_event = graphql(`
  fragment AuditEventRow_event on AuditEvent {
    seq
    at
    action
    entityType
    entityId
    before
    after
    hash
    actor {
      id
      email
      name
    }
  }
`);

/** One page of audit events (oldest first unless newestFirst) matching a filter: the audit log, a service's history and the CSV export read it. */
export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int!, $after: String, $newestFirst: Boolean = false) {
    auditEvents(filter: $filter, first: $first, after: $after, newestFirst: $newestFirst) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          seq
          ...AuditEventRow_event
        }
      }
    }
  }
`);

/** Audit events in the order given, each expandable to its before/after diff. */
export function AuditEventList({ events, caption }: { events: FragmentType<typeof AuditEventRow_event>[]; caption: string }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const rows = events.map((e) => getFragmentData(AuditEventRow_event, e));
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={700}>
      <HeadedTable
        verticalSpacing="xs"
        label={caption}
        caption={caption}
        headers={['Seq', 'When', 'Actor', 'Action', 'Entity', <VisuallyHidden key="details">Details</VisuallyHidden>]}
        empty={rows.length === 0 && 'No audit events match.'}
      >
          {rows.map((event) => (
            <Fragment key={event.seq}>
              <Table.Tr>
                <Table.Td>{event.seq}</Table.Td>
                <Table.Td>{formatDateTime(event.at)}</Table.Td>
                <Table.Td>{event.actor ? event.actor.email : <Text c="dimmed" size="sm">system</Text>}</Table.Td>
                <Table.Td>
                  <Code>{event.action}</Code>
                </Table.Td>
                <Table.Td>
                  <AuditEntity type={event.entityType} id={event.entityId} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => toggle(event.seq)}
                    aria-expanded={open.has(event.seq)}
                    aria-controls={`audit-diff-${event.seq}`}
                    aria-label={`${open.has(event.seq) ? 'Hide' : 'Show'} changes of event ${event.seq}`}
                  >
                    {open.has(event.seq) ? 'Hide changes' : 'Show changes'}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {open.has(event.seq) && (
                <Table.Tr id={`audit-diff-${event.seq}`}>
                  <Table.Td colSpan={6}>
                    <Stack gap="xs">
                      <AuditDiff before={event.before} after={event.after} />
                      <Group gap="xs">
                        <Text size="xs" c="dimmed">
                          hash
                        </Text>
                        <Code fz="xs">{event.hash}</Code>
                      </Group>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
      </HeadedTable>
    </Table.ScrollContainer>
  );
}
