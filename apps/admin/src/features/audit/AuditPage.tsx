import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { CursorPager, useCursorPages } from '../../components/CursorPager';
import { countMatching } from '../../lib/format';
import { InstantInput } from '../../components/forms/DateFields';
import { AuditEventList, AuditEventsQuery } from './AuditEventList';
import { VerifyChain } from './VerifyChain';
import { AuditCsvButton } from './AuditCsvButton';
import { AUDIT_ENTITY_TYPES } from './audit-entities';
import { TreeHeadPanel } from './TreeHeadPanel';
import { EvidenceBundlePanel } from './EvidenceBundlePanel';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['entityType', 'entityId', 'actorEmail', 'action', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** Filterable, paginated (newest first, or oldest first with ?order=oldest), each event's before/after as a diff, the chain check and the signed tree heads. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const after = pages.after;
  const current = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<FilterKey, string>;
  const [form, setForm] = useState(current);
  const filter = Object.fromEntries(FILTER_KEYS.filter((k) => current[k]).map((k) => [k, current[k]]));
  const newestFirst = params.get('order') !== 'oldest';

  const { data, loading, error, refetch } = useQuery(AuditEventsQuery, {
    variables: { filter, first: PAGE_SIZE, after, newestFirst },
  });
  const setOrder = (order: string) => {
    const next = new URLSearchParams(params);
    if (order === 'oldest') next.set('order', 'oldest');
    else next.delete('order');
    setParams(next, { state: { cursors: [] } });
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (form[k].trim()) next.set(k, form[k].trim());
    if (!newestFirst) next.set('order', 'oldest');
    setParams(next, { state: { cursors: [] } });
  };
  const clear = () => {
    setForm(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Record<FilterKey, string>);
    setParams(new URLSearchParams(newestFirst ? {} : { order: 'oldest' }), { state: { cursors: [] } });
  };
  const field = (key: FilterKey, label: string, placeholder: string) => (
    <TextInput label={label} placeholder={placeholder} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} w={200} />
  );

  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <Paper withBorder p="md">
        <VerifyChain />
      </Paper>
      <Paper withBorder p="md">
        <TreeHeadPanel />
      </Paper>
      <Paper withBorder p="md">
        <EvidenceBundlePanel />
      </Paper>
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label="Filter audit events">
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Entity type"
            placeholder="Any type"
            data={[...AUDIT_ENTITY_TYPES]}
            value={form.entityType || null}
            onChange={(v) => setForm({ ...form, entityType: v ?? '' })}
            clearable
            searchable
            w={200}
          />
          {field('entityId', 'Entity id', 'e.g. maps')}
          {field('actorEmail', 'Actor e-mail', 'e.g. dpo@canopy.demo')}
          {field('action', 'Action', 'e.g. conflict.resolved')}
          <InstantInput label="From" value={form.from || null} onChange={(v) => setForm({ ...form, from: v ?? '' })} w={200} />
          <InstantInput label="To" value={form.to || null} onChange={(v) => setForm({ ...form, to: v ?? '' })} w={200} />
          <Button type="submit">Apply filters</Button>
          <Button variant="default" onClick={clear}>
            Clear
          </Button>
        </Group>
      </Paper>
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Text size="sm" id="audit-order-label">
            Order
          </Text>
          <SegmentedControl
            aria-labelledby="audit-order-label"
            value={newestFirst ? 'newest' : 'oldest'}
            onChange={setOrder}
            data={[
              { value: 'newest', label: 'Newest first' },
              { value: 'oldest', label: 'Oldest first' },
            ]}
          />
        </Group>
        <AuditCsvButton filter={filter} label={Object.keys(filter).length ? 'Download the filtered events (CSV)' : 'Download all events (CSV)'} />
      </Group>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading audit events…">
        {(d) => (
          <>
            <AuditEventList
              events={d.auditEvents.edges.map((e) => e.node)}
              caption={`${countMatching(d.auditEvents.totalCount, 'event', Object.keys(filter).length > 0)}, ${newestFirst ? 'newest' : 'oldest'} first`}
            />
            <CursorPager pages={pages} pageInfo={d.auditEvents.pageInfo} status={`Page ${pages.earlierPages + 1}`} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
