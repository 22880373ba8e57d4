import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { graphql } from '../../gql';
import type { Lifecycle } from '../../gql/graphql';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { serviceColumns, unmaskServiceRow } from './ServiceRow';

export const ServicesPageQuery = graphql(`
  query ServicesPage($first: Int!, $after: String, $filter: ServiceFilter) {
    services(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ServiceRow_service
        }
      }
    }
    teams {
      id
      key
      name
    }
  }
`);

const PAGE_SIZE = 25;
const LIFECYCLES: Lifecycle[] = ['PLANNED', 'ACTIVE', 'DEPRECATED', 'RETIRED'];

/**
 * Searchable, filterable, cursor-paginated. The filters and the cursor live in
 * the URL (?q=&team=&lifecycle=&conflicts=open&after=), so a reload or a shared
 * link shows the same page; the cursors of earlier pages ride in history state
 * for the Previous button.
 */
export function ServicesPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const stack: string[] = (location.state as { cursors?: string[] } | null)?.cursors ?? [];
  const q = params.get('q') ?? '';
  const team = params.get('team');
  const lifecycle = params.get('lifecycle') as Lifecycle | null;
  const openConflicts = params.get('conflicts') === 'open';
  const after = params.get('after');

  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => {
    if (debounced === q) return;
    update({ q: debounced || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  function update(changes: Record<string, string | null>) {
    const nextParams = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) nextParams.set(k, v);
      else nextParams.delete(k);
    }
    nextParams.delete('after');
    setParams(nextParams, { replace: true, state: { cursors: [] } });
  }

  const filter = {
    ...(q ? { search: q } : {}),
    ...(team ? { teamKey: team } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(openConflicts ? { hasOpenConflicts: true } : {}),
  };
  const { data, loading, error, refetch } = useQuery(ServicesPageQuery, {
    variables: { first: PAGE_SIZE, after, filter },
  });

  const goTo = (cursor: string | null, cursors: string[]) => {
    const nextParams = new URLSearchParams(params);
    if (cursor) nextParams.set('after', cursor);
    else nextParams.delete('after');
    navigate({ search: nextParams.toString() ? `?${nextParams}` : '' }, { state: { cursors } });
  };

  return (
    <Stack>
      <Title order={2}>Services</Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          description="Key or name"
          placeholder="e.g. maps"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
        <Select
          label="Team"
          placeholder="All teams"
          clearable
          data={(data?.teams ?? []).map((t) => ({ value: t.key, label: t.name }))}
          value={team}
          onChange={(value) => update({ team: value })}
          w={200}
        />
        <Select
          label="Lifecycle"
          placeholder="Any"
          clearable
          data={LIFECYCLES.map((l) => ({ value: l, label: l.toLowerCase() }))}
          value={lifecycle}
          onChange={(value) => update({ lifecycle: value })}
          w={160}
        />
        <Checkbox
          label="Only with open conflicts"
          checked={openConflicts}
          onChange={(e) => update({ conflicts: e.currentTarget.checked ? 'open' : null })}
          mb={8}
        />
      </Group>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading services…">
        {(d) => {
          const rows = d.services.edges.map((e) => unmaskServiceRow(e.node));
          const first = stack.length * PAGE_SIZE + 1;
          return (
            <>
              <DataTable
                data={rows}
                columns={serviceColumns}
                getRowId={(row) => row.key}
                caption={`${d.services.totalCount} service${d.services.totalCount === 1 ? '' : 's'}${Object.keys(filter).length ? (d.services.totalCount === 1 ? ' matches the filters' : ' match the filters') : ''}`}
                empty={Object.keys(filter).length ? 'No service matches these filters.' : 'No services are registered yet.'}
              />
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {rows.length ? `Showing ${first}–${first + rows.length - 1} of ${d.services.totalCount}` : ''}
                </Text>
                <Group>
                  <Button variant="default" disabled={!after} onClick={() => goTo(stack[stack.length - 1] ?? null, stack.slice(0, -1))}>
                    Previous page
                  </Button>
                  <Button
                    variant="default"
                    disabled={!d.services.pageInfo.hasNextPage}
                    onClick={() => goTo(d.services.pageInfo.endCursor ?? null, after ? [...stack, after] : [...stack, ''])}
                  >
                    Next page
                  </Button>
                </Group>
              </Group>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
