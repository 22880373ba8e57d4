import { useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getFragmentData, graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { CategoryBadge, ConflictStatusBadge, SourceBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { PageHeading } from '../../components/PageHeading';
import { applicableClause, noticeDaysFrom } from '@canopy/domain';
import { clauseValue, formatDateTime, inWords } from '../../lib/format';
import { EffectivePolicyTabQuery } from '../services/EffectivePolicyTab';
import { ResolveConflictForm } from './ResolveConflictForm';
import { withContent } from '../policies/policy-version';
import { unmaskConflictRow } from './ConflictRow';

export const ConflictPageQuery = graphql(`
  query ConflictPage($id: ID!) {
    conflict(id: $id) {
      id
      carriedFromId
      governedCategories {
        key
        sensitive
      }
      ...ConflictRow_conflict
      viewerCanResolve
      rationale
      resolvedAt
      resolvedBy {
        id
        email
        name
      }
      service {
        id
        key
        name
        team {
          id
          key
        }
        policy {
          id
          key
          title
          versions {
            ...ConflictPage_version
          }
        }
      }
    }
    policies(scope: GLOBAL) {
      id
      key
      title
      currentVersion {
        id
        number
      }
      versions {
        ...ConflictPage_version
      }
    }
  }
`);

function ClauseCard({
  title,
  policy,
  version,
  value,
  clause,
}: {
  title: string;
  policy?: { key: string; title: string } | null;
  version: number;
  value: string;
  clause?: { subject: string; value: string; locked: boolean; text?: string | null } | null;
}) {
  return (
    <Paper withBorder p="md" aria-label={title}>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text size="sm">
          {policy ? <RouterLink to={`/policies/${policy.key}?version=${version}`}>{policy.title}</RouterLink> : 'Policy'} · version {version}
        </Text>
        <Text fw={700} size="lg">
          {value}
        </Text>
        {clause && clause.subject && (
          <Text size="xs" c="dimmed">
            Clause <Code>{clause.subject}</Code>
            {clause.locked ? ' · locked' : ''}
          </Text>
        )}
        {clause?.text ? (
          <Text size="sm" fs="italic">
            “{clause.text}”
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No policy text recorded for this clause.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** A version of either policy: its clauses (the nearest one applies) and, for the service's, its notice to users. */
export const ConflictPage_version = graphql(`
  fragment ConflictPage_version on PolicyVersion {
    id
    number
    effectiveAt
    ...PolicyVersion_content
  }
`);

/** /conflicts/:id — both clauses side by side, what applies now and why, and (officers only) the resolution form. */
export function ConflictPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ConflictPageQuery, { variables: { id } });
  // The row's fields (topic, values, versions, status…) through the row fragment, the page's own beside them.
  const conflict = data?.conflict ? { ...unmaskConflictRow(data.conflict), ...data.conflict } : null;
  // The service page's effective-policy query (now): one cache entry for both pages.
  const now = useQuery(EffectivePolicyTabQuery, { variables: { key: conflict?.service.key ?? '', at: null }, skip: !conflict });

  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the conflict…">
      {(d) => {
        if (!conflict) {
          return (
            <Alert color="gray" title="Conflict not found">
              No conflict has this id. <RouterLink to="/conflicts">Back to the queue</RouterLink>
            </Alert>
          );
        }
        const global = d.policies[0];
        const globalVersions = getFragmentData(ConflictPage_version, global?.versions ?? []).map(withContent);
        const globalVersion = globalVersions.find((v) => v.number === conflict.globalPolicyVersion);
        const servicePolicy = conflict.service.policy;
        const serviceVersion = getFragmentData(ConflictPage_version, servicePolicy?.versions ?? []).map(withContent).find((v) => v.number === conflict.servicePolicyVersion);
        const applies = now.data?.effectivePolicy.clauses.find((c) => c.topic === conflict.topic && c.subject === conflict.subject);
        const sides = [
          { title: 'Global clause', policy: global, version: conflict.globalPolicyVersion, value: clauseValue(conflict.topic, conflict.globalValue), found: globalVersion },
          { title: 'Service clause', policy: servicePolicy, version: conflict.servicePolicyVersion, value: clauseValue(conflict.topic, conflict.serviceValue), found: serviceVersion },
        ];
        const noticeDays = noticeDaysFrom(globalVersions.find((v) => v.number === global?.currentVersion?.number)?.clauses);
        return (
          <Stack>
            <PageHeading
              up={{ to: '/conflicts', label: 'Conflicts' }}
              here={conflict.service.name}
              title={
                <>
                  {conflict.topic} <Code fz="lg">{conflict.subject}</Code>
                </>
              }
              aside={<ConflictStatusBadge status={conflict.status} />}
            >
              <Text size="sm">
                Service <RouterLink to={`/services/${conflict.service.key}`}>{conflict.service.name}</RouterLink> · opened{' '}
                {formatDateTime(conflict.createdAt)}
              </Text>
            </PageHeading>
            {conflict.takesEffectAt && conflict.status === 'OPEN' && (
              <Alert color="orange" title={`Takes effect on ${formatDateTime(conflict.takesEffectAt)}`} data-testid="takes-effect">
                This conflict is against a version not yet in force: the pair applies from {formatDateTime(conflict.takesEffectAt)}.
                {applies ? ` Until then ${clauseValue(applies.topic, applies.value)} applies, as shown below.` : ''}
              </Alert>
            )}
            {conflict.governedCategories.length > 0 && (
              <Group gap={4} aria-label="Categories governed">
                <Text size="sm">Governs:</Text>
                {conflict.governedCategories.map((c) => (
                  <CategoryBadge key={c.key} category={c.key} sensitive={c.sensitive} />
                ))}
              </Group>
            )}
            {conflict.carriedFromId && (
              <Text size="sm" c="dimmed">
                Its resolution was carried forward from <RouterLink to={`/conflicts/${conflict.carriedFromId}`}>an earlier conflict</RouterLink> with the same values.
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {sides.map(({ found, ...side }) => (
                <ClauseCard key={side.title} {...side} clause={found ? applicableClause(found.clauses, conflict.topic, conflict.subject) : null} />
              ))}
            </SimpleGrid>
            <Paper withBorder p="md" aria-label="What applies now">
              <Title order={3} size="h5" mb="xs">
                What applies now
              </Title>
              {now.loading && !now.data ? (
                <Text c="dimmed" size="sm">
                  Computing…
                </Text>
              ) : applies ? (
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={700}>{clauseValue(applies.topic, applies.value)}</Text>
                    <SourceBadge source={applies.source} />
                    {applies.pendingReview && (
                      <Badge color="orange" variant="filled" size="sm">
                        pending review
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">{inWords(applies.explanation)}</Text>
                </Stack>
              ) : (
                <Text c="dimmed" size="sm">
                  This clause is not part of the service&apos;s effective policy now (a newer version may be in force).
                </Text>
              )}
            </Paper>
            {conflict.status === 'RESOLVED' && (
              <Alert color="green" title={`Resolved: ${conflict.resolution?.replace(/_/g, ' ').toLowerCase()}`}>
                By {conflict.resolvedBy?.name ?? 'an officer'} ({conflict.resolvedBy?.email}) on {formatDateTime(conflict.resolvedAt)}: “
                {conflict.rationale}”
              </Alert>
            )}
            {conflict.status === 'SUPERSEDED' && (
              <Alert color="gray" title="Superseded">
                A newer version of one of the policies is in force, so this pair no longer applies.
              </Alert>
            )}
            {conflict.viewerCanResolve ? (
                <Paper withBorder p="md">
                  <Title order={3} size="h5" mb="xs">
                    Resolve
                  </Title>
                  <ResolveConflictForm
                    conflict={conflict}
                    serviceName={conflict.service.name}
                    valueNow={applies?.value ?? null}
                    noticeDays={noticeDays}
                    serviceVersionNotice={serviceVersion?.notice ?? null}
                    onResolved={() => {
                      void refetch();
                      void now.refetch();
                    }}
                  />
                </Paper>
              ) : (
                conflict.status === 'OPEN' && (
                  <Text size="sm" c="dimmed">
                    A privacy officer decides which policy prevails. Until then the global value applies.
                  </Text>
                )
              )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
