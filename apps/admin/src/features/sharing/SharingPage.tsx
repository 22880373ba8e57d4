import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { getFragmentData, graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { CategoryBadge, SharingStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { PageHeading } from '../../components/PageHeading';
import { useTaxonomy } from '../../components/taxonomy';
import { DpaBadge } from '../../components/DpaBadge';
import { LEGAL_BASIS_LABELS } from '../../components/vocabulary';
import { formatDateTime } from '../../lib/format';
import { SharingDecision, SharingDecision_arrangement } from './SharingDecision';
import { EditSharingForm } from './EditSharingForm';
import { unmaskSharingRow } from './SharingRow';
import { ArrangementTransfers } from '../transfers/ArrangementTransfers';
import { StartAssessmentButton } from '../assessments/StartAssessmentButton';

export const SharingPageQuery = graphql(`
  query SharingPage($id: ID!) {
    sharingArrangement(id: $id) {
      id
      ...SharingRow_arrangement
      ...SharingDecision_arrangement
      service {
        id
        key
        name
        viewerCanEdit
        team {
          id
          key
          name
        }
        inventory {
          id
          dataCategory
        }
      }
      processor {
        id
        key
        name
        country
        dpaSignedAt
        dpaExpiresAt
      }
      requestedBy {
        id
        email
        name
      }
    }
  }
`);

export const CHECK_LABELS: Record<string, string> = {
  DPA_VALID: 'Processor has a valid DPA',
  CATEGORIES_IN_INVENTORY: "Categories are in the service's inventory",
  POLICY_PERMITS_SHARING: 'The effective policy permits the sharing',
  SEPARATION_OF_DUTIES: 'Separation of duties',
  SECOND_APPROVAL: 'Required approvals reached',
  TRANSFER_LAWFUL: 'Transfers outside the home region are lawful',
  DPIA_APPROVED: 'Sensitive data is covered by an approved DPIA',
};

/**
 * How a check reads: a blocking failure in red; an informative one never
 * looks like a refusal (SECOND_APPROVAL is simply not reached yet; the
 * assessment checks are advisory until enforcement, their message says from when).
 */
function checkOutcome(c: { name: string; passed: boolean; blocking: boolean }): { color: string; icon: string; word: string } {
  if (c.passed) return { color: 'green', icon: '✓', word: 'passed' };
  if (c.blocking) return { color: 'red', icon: '✗', word: 'failed' };
  if (c.name === 'SECOND_APPROVAL') return { color: 'gray', icon: '…', word: 'not yet' };
  return { color: 'yellow', icon: '!', word: 'advisory, does not block yet' };
}

/** /sharing/:id — everything a reviewer needs, the transitions the viewer may take, and editing a draft. */
export function SharingPage() {
  const { id = '' } = useParams();
  const { isSensitive } = useTaxonomy();
  const { data, loading, error, refetch } = useQuery(SharingPageQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [editing, setEditing] = useState(false);

  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the arrangement…">
      {(d) => {
        const found = d.sharingArrangement;
        if (!found) {
          return (
            <Alert color="gray" title="Arrangement not found">
              No sharing arrangement has this id. <RouterLink to="/sharing">Back to the queue</RouterLink>
            </Alert>
          );
        }
        const a = { ...unmaskSharingRow(found), ...found, ...getFragmentData(SharingDecision_arrangement, found) };
        const blocking = a.checks.filter((c) => !c.passed && c.blocking);
        return (
          <Stack>
            <PageHeading
              up={{ to: '/sharing', label: 'Sharing' }}
              here={`${a.service.name} → ${a.processor.name}`}
              title={`${a.service.name} → ${a.processor.name}`}
              aside={<SharingStatusBadge status={a.status} />}
            >
              <Text size="sm" c="dimmed">
                Proposed by {a.requestedBy.name} ({a.requestedBy.email}) on {formatDateTime(a.createdAt)} · version {a.version}
              </Text>
            </PageHeading>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Title order={3} size="h5">
                      What is shared
                    </Title>
                    {a.viewerCanEdit && !editing && (
                      <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
                        Edit draft
                      </Button>
                    )}
                  </Group>
                  <Text size="sm">
                    Service: <RouterLink to={`/services/${a.service.key}`}>{a.service.name}</RouterLink> ({a.service.team.name})
                  </Text>
                  <Group gap={4} aria-label="Categories">
                    {a.dataCategories.map((c) => (
                      <CategoryBadge key={c} category={c} sensitive={isSensitive(c)} />
                    ))}
                  </Group>
                  <Text size="sm">Purposes: {a.purposes.join(', ') || '—'}</Text>
                  <Text size="sm">Legal basis: {LEGAL_BASIS_LABELS[a.legalBasis]}</Text>
                  {a.decisionReason && <Text size="sm">Reason recorded: “{a.decisionReason}”</Text>}
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Stack gap={6}>
                  <Title order={3} size="h5">
                    Processor
                  </Title>
                  <Text size="sm">
                    <RouterLink to={`/processors/${a.processor.key}`}>{a.processor.name}</RouterLink> · {a.processor.country}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm">DPA:</Text>
                    <DpaBadge processor={a.processor} />
                  </Group>
                </Stack>
              </Paper>
            </SimpleGrid>
            <ArrangementTransfers id={a.id} />
            {a.service.viewerCanEdit && (
              <Group>
                <Text size="sm" c="dimmed">
                  A transfer impact assessment (TIA) of this arrangement backs a transfer under standard contractual clauses, binding corporate rules, a
                  certification or a code of conduct.
                </Text>
                <StartAssessmentButton kind="TIA" serviceKey={a.service.key} arrangementId={a.id} />
              </Group>
            )}
            {editing && a.viewerCanEdit && (
              <EditSharingForm
                arrangement={a}
                inventoryCategories={[...new Set(a.service.inventory.map((i) => i.dataCategory))]}
                onDone={() => setEditing(false)}
                onStale={() => void refetch()}
              />
            )}
            <Paper withBorder p="md">
              <Title order={3} size="h5" mb="xs">
                Checks
              </Title>
              <List spacing="xs" aria-label="Checks" listStyleType="none">
                {a.checks.map((c) => {
                  const outcome = checkOutcome(c);
                  return (
                    <List.Item
                      key={c.name}
                      icon={
                        <ThemeIcon color={outcome.color} size={20} radius="xl" aria-hidden>
                          {outcome.icon}
                        </ThemeIcon>
                      }
                    >
                      <Text size="sm" fw={500} span>
                        {CHECK_LABELS[c.name] ?? c.name}: {outcome.word}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.message}
                      </Text>
                    </List.Item>
                  );
                })}
              </List>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h5" mb="xs">
                Approvals <span data-testid="approval-progress">
                  {a.approvals.length} of {a.requiredApprovals}
                </span>
              </Title>
              {a.approvals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No approval yet. {a.requiredApprovals === 2 ? 'Two distinct officers must approve: it shares a sensitive category.' : 'One officer must approve.'}
                </Text>
              ) : (
                <List spacing={4}>
                  {a.approvals.map((ap) => (
                    <List.Item key={`${ap.approver.email}-${ap.at}`}>
                      <Text size="sm">
                        {ap.approver.name} ({ap.approver.email}) on {formatDateTime(ap.at)}
                        {ap.comment ? `: “${ap.comment}”` : ''}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <SharingDecision
              arrangement={a}
              blocking={blocking.map((c) => `${CHECK_LABELS[c.name] ?? c.name}: ${c.message}`)}
              onRefetch={async () => {
                await refetch();
              }}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}
