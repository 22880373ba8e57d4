import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Checkbox, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { graphql } from '../../gql';
import type { Lifecycle } from '../../gql/graphql';
import { DataTable } from '../../components/DataTable';
import { LIFECYCLE_LABELS, optionsOf } from '../../components/vocabulary';
import { QueryState } from '../../components/QueryState';
import { CursorPager, useCursorPages } from '../../components/CursorPager';
import { countMatching } from '../../lib/format';
import { serviceColumns, unmaskServiceRow } from './ServiceRow';
import { textInput } from '../../components/forms/text-input';

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

/**
 * Searchable, filterable, cursor-paginated. The filters and the cursor live in
 * the URL (?q=&team=&lifecycle=&conflicts=open&after=), so a reload or a shared
 * link shows the same page; the cursors of earlier pages ride in history state
 * for the Previous button.
 */
export function ServicesPage() {
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const q = params.get('q') ?? '';
  const team = params.get('team');
  const lifecycle = params.get('lifecycle') as Lifecycle | null;
  const openConflicts = params.get('conflicts') === 'open';
  const after = pages.after;

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

  return (
    <Stack>
      <Title order={2}>Services</Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          description="Key or name"
          placeholder="e.g. maps"
          {...textInput(search, setSearch)}
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
          data={optionsOf(LIFECYCLE_LABELS)}
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
          const first = pages.earlierPages * PAGE_SIZE + 1;
          return (
            <>
              <DataTable
                data={rows}
                columns={serviceColumns}
                getRowId={(row) => row.key}
                caption={countMatching(d.services.totalCount, 'service', Object.keys(filter).length > 0)}
                empty={Object.keys(filter).length ? 'No service matches these filters.' : 'No services are registered yet.'}
              />
              <CursorPager pages={pages} pageInfo={d.services.pageInfo} status={rows.length ? `Showing ${first}–${first + rows.length - 1} of ${d.services.totalCount}` : ''} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
