import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, MultiSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { TRANSFER_MECHANISMS } from '@canopy/domain';
import { graphql } from '../../gql';
import type { TransferMechanism, WhatIfQuery as WhatIfData } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { HeadedTable } from '../../components/HeadedTable';
import { CategoryBadge, SeverityBadge, SharingStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { InstantInput } from '../../components/forms/DateFields';
import { useTaxonomy } from '../../components/taxonomy';
import { COUNTRY_OPTIONS, TRANSFER_MECHANISM_LABELS } from '../../components/vocabulary';
import { formatDateTime, plural } from '../../lib/format';
import { countryLabel } from './transfer-words';
import { unmaskSharingRow } from '../sharing/SharingRow';

export const WhatIfQuery = graphql(`
  query WhatIf($scenario: TransferScenarioInput!) {
    transferImpact(scenario: $scenario) {
      scenario
      affected {
        countries hasFallback
        findingsOpening { rule severity message }
        arrangement { id ...SharingRow_arrangement processor { id key country } }
      }
    }
  }
`);

type Item = WhatIfData['transferImpact']['affected'][number];

/** A mechanism an arrangement rests on can be invalidated; "not required" is no mechanism. */
const MECHANISM_OPTIONS = TRANSFER_MECHANISMS.filter((m) => m !== 'NOT_REQUIRED').map((m) => ({ value: m, label: TRANSFER_MECHANISM_LABELS[m] }));

const listParam = (params: URLSearchParams, name: string) => (params.get(name) ?? '').split(',').filter(Boolean);

/** The scenario lives in the URL (`?withdraw=US,GB&invalidate=…&from=…`), so an answer can be shared and survives a reload. */
function useScenario() {
  const [params, setParams] = useSearchParams();
  const scenario = {
    withdraw: listParam(params, 'withdraw'),
    invalidate: listParam(params, 'invalidate') as TransferMechanism[],
    from: params.get('from'),
  };
  const setScenario = (s: typeof scenario) => {
    const next = new URLSearchParams();
    if (s.withdraw.length) next.set('withdraw', s.withdraw.join(','));
    if (s.invalidate.length) next.set('invalidate', s.invalidate.join(','));
    if (s.from) next.set('from', s.from);
    setParams(next);
  };
  return [scenario, setScenario] as const;
}

/** The affected arrangements under each country whose transfer loses its basis, countries in order. */
export function groupByCountry(items: readonly Item[]): { country: string; items: Item[] }[] {
  const countries = [...new Set(items.flatMap((i) => i.countries))].sort();
  return countries.map((country) => ({ country, items: items.filter((i) => i.countries.includes(country)) }));
}

/** One affected arrangement: what it shares with whom, whether another basis remains, and the findings that would open. */
function ImpactRow({ item: { arrangement, hasFallback, findingsOpening }, isSensitive }: { item: Item; isSensitive: (key: string) => boolean }) {
  const a = unmaskSharingRow(arrangement);
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <RouterLink to={`/sharing/${a.id}`}>{`${a.service.name} → ${a.processor.name}`}</RouterLink>
          <SharingStatusBadge status={a.status} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <RouterLink to={`/services/${a.service.key}`}>{a.service.name}</RouterLink>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {a.dataCategories.map((c) => (
            <CategoryBadge key={c} category={c} sensitive={isSensitive(c)} />
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <RouterLink to={`/processors/${a.processor.key}`}>{a.processor.name}</RouterLink> ({arrangement.processor.country})
      </Table.Td>
      <Table.Td>{hasFallback ? 'yes: another basis remains' : 'no'}</Table.Td>
      <Table.Td miw={240}>
        {findingsOpening.length === 0 ? (
          <Text size="sm" c="dimmed">
            none
          </Text>
        ) : (
          <Stack gap={4}>
            {findingsOpening.map((f, i) => (
              <Stack key={i} gap={2} align="flex-start">
                <SeverityBadge severity={f.severity} />
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {f.message}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function CountryGroup({ country, items, isSensitive }: { country: string; items: Item[]; isSensitive: (key: string) => boolean }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={`Affected in ${countryLabel(country)}`}>
      <Title order={3} size="h4" mb="xs">
        {countryLabel(country)}: {plural(items.length, 'arrangement')}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <HeadedTable label={`Arrangements affected in ${country}`} headers={['Arrangement', 'Service', 'Categories', 'Processor', 'Fallback', 'Findings that would open']}>
          {items.map((item) => (
            <ImpactRow key={item.arrangement.id} item={item} isSensitive={isSensitive} />
          ))}
        </HeadedTable>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Impact({ scenario }: { scenario: { withdraw: string[]; invalidate: TransferMechanism[]; from: string | null } }) {
  const { isSensitive } = useTaxonomy();
  const { data, loading, error, refetch } = useQuery(WhatIfQuery, {
    variables: { scenario: { withdrawAdequacy: scenario.withdraw, invalidateMechanisms: scenario.invalidate, from: scenario.from } },
    fetchPolicy: 'network-only',
  });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Working out the impact…">
      {(d) => {
        const groups = groupByCountry(d.transferImpact.affected);
        return (
          <Stack>
            <Text size="sm" aria-live="polite">
              If {d.transferImpact.scenario}: {plural(d.transferImpact.affected.length, 'live arrangement')} would lose the basis of a transfer.
            </Text>
            {groups.length === 0 ? (
              <Text c="dimmed">No live arrangement would lose the basis of a transfer.</Text>
            ) : (
              groups.map((g) => <CountryGroup key={g.country} country={g.country} items={g.items} isSensitive={isSensitive} />)
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

/**
 * /transfers/what-if: which arrangements would lose the basis of a transfer
 * if adequacy were withdrawn for some countries and/or mechanisms
 * invalidated from an instant, grouped by country. Computed by the API,
 * never saved.
 */
export function WhatIfPage() {
  const [scenario, setScenario] = useScenario();
  const [withdraw, setWithdraw] = useState<string[]>(scenario.withdraw);
  const [invalidate, setInvalidate] = useState<string[]>(scenario.invalidate);
  const [from, setFrom] = useState<string | null>(scenario.from);
  const [problem, setProblem] = useState<string | null>(null);
  /** A choice changed: the "choose something" problem no longer stands. */
  const changed = (set: (v: string[]) => void) => (v: string[]) => {
    set(v);
    setProblem(null);
  };
  const asked = scenario.withdraw.length > 0 || scenario.invalidate.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!withdraw.length && !invalidate.length) {
      setProblem('Choose at least one country or mechanism.');
      return;
    }
    setProblem(null);
    setScenario({ withdraw, invalidate: invalidate as TransferMechanism[], from });
  };
  return (
    <Stack>
      <Title order={2}>Transfer what-if</Title>
      <Alert color="blue" variant="light" title="A simulation">
        Nothing is saved and nothing changes: the register, the arrangements and the findings stay as they are.
      </Alert>
      <Paper withBorder p="md" component="form" aria-label="Scenario" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            Scenario
          </Title>
          <MultiSelect
            label="Adequacy withdrawn for"
            description="Countries whose adequacy decision would fall."
            data={COUNTRY_OPTIONS}
            value={withdraw}
            onChange={changed(setWithdraw)}
            searchable
            clearable
            nothingFoundMessage="No such country"
            error={problem}
          />
          <Checkbox.Group label="Mechanisms invalidated" description="Transfer mechanisms that would no longer be a basis." value={invalidate} onChange={changed(setInvalidate)}>
            <Group gap="md" mt={6}>
              {MECHANISM_OPTIONS.map((m) => (
                <Checkbox key={m.value} value={m.value} label={m.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <InstantInput label="From" description="Leave empty for now." value={from} onChange={setFrom} w={260} />
          <Group justify="flex-end">
            <Button type="submit">Show the impact</Button>
          </Group>
        </Stack>
      </Paper>
      {asked ? (
        <Impact scenario={scenario} />
      ) : (
        <Text c="dimmed">Choose countries or mechanisms, then show the impact. {scenario.from ? `From ${formatDateTime(scenario.from)}.` : ''}</Text>
      )}
    </Stack>
  );
}
