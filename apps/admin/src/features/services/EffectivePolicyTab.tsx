import { useQuery } from '@apollo/client/react';
import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { SourceBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { clauseValue, formatDateTime } from '../../lib/format';
import { LinkedSentence } from '../../components/LinkedSentence';
import { conflictLinkLabel } from './conflict-link';

export const EffectivePolicyTabQuery = graphql(`
  query EffectivePolicyTab($key: String!, $at: DateTime) {
    effectivePolicy(serviceKey: $key, at: $at) {
      at
      clauses {
        topic
        subject
        value
        source
        policyKey
        policyVersion
        pendingReview
        explanation
        conflict {
          id
          status
        }
      }
    }
  }
`);

/**
 * Each clause with its source badge, pending-review mark and explanation, now
 * or as of `at` (the service page's `?at=`, under its one banner).
 */
export function EffectivePolicyTab({ serviceKey, at = null }: { serviceKey: string; at?: string | null }) {
  const { data, loading, error, refetch } = useQuery(EffectivePolicyTabQuery, { variables: { key: serviceKey, at } });
  return (
    <Stack>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Computing the effective policy…">
        {(d) => (
          <Stack>
            <Text size="sm" c="dimmed">
              The GLOBAL policy, then this service&apos;s own policy, in force on {formatDateTime(d.effectivePolicy.at)}.
            </Text>
            {d.effectivePolicy.clauses.length === 0 ? (
              <Text c="dimmed">No policy version is in force for this service at that instant.</Text>
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table verticalSpacing="sm" aria-label="Effective clauses">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Clause</Table.Th>
                      <Table.Th scope="col">Value</Table.Th>
                      <Table.Th scope="col" miw={140}>
                        Source
                      </Table.Th>
                      <Table.Th scope="col">Why</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.effectivePolicy.clauses.map((c) => (
                      <Table.Tr key={`${c.topic}:${c.subject}`} data-testid={`effective-${c.topic}-${c.subject}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {c.topic}
                          </Text>
                          <Code>{c.subject}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text fw={600} size="sm" data-testid="effective-value">
                            {clauseValue(c.topic, c.value)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4} align="flex-start">
                            <SourceBadge source={c.source} />
                            <Text size="xs" c="dimmed">
                              <RouterLink to={`/policies/${c.policyKey}?version=${c.policyVersion}`}>
                                {c.policyKey} v{c.policyVersion}
                              </RouterLink>
                            </Text>
                            {c.pendingReview && (
                              <Badge color="orange" variant="filled" size="sm">
                                pending review
                              </Badge>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            <LinkedSentence message={c.explanation} />
                          </Text>
                          {c.conflict && (
                            <Text size="xs">
                              <RouterLink to={`/conflicts/${c.conflict.id}`}>{conflictLinkLabel(c.conflict.status, c.pendingReview)}</RouterLink>
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
