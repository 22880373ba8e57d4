import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { graphql } from '../../gql';
import { ErrorMessage, QueryState } from '../../components/QueryState';
import { CategoryBadge, SharingStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { useTaxonomy } from '../../components/taxonomy';
import { DpaBadge } from '../../components/DpaBadge';
import { hasErrorCode } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import type { SharingAction } from '../../gql/graphql';

export const SharingPageQuery = graphql(`
  query SharingPage($id: ID!) {
    sharingArrangement(id: $id) {
      id
      status
      version
      dataCategories
      purposes
      legalBasis
      requiredApprovals
      decisionReason
      createdAt
      decidedAt
      service {
        id
        key
        name
        team {
          id
          key
          name
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
      approvals {
        comment
        at
        approver {
          id
          email
          name
        }
      }
      checks {
        name
        passed
        blocking
        message
      }
      viewerActions
    }
  }
`);

/** What every transition returns, so the cache shows the new state at once. */
export const SharingDecision_arrangement = graphql(`
  fragment SharingDecision_arrangement on SharingArrangement {
    id
    status
    version
    decisionReason
    decidedAt
    approvals {
      at
      comment
      approver {
        id
        email
        name
      }
    }
    checks {
      name
      passed
      blocking
      message
    }
    viewerActions
  }
`);

export const ApproveSharingMutation = graphql(`
  mutation ApproveSharing($input: DecideSharingInput!) {
    approveSharing(input: $input) {
      ...SharingDecision_arrangement
    }
  }
`);
export const RejectSharingMutation = graphql(`
  mutation RejectSharing($input: DecideSharingInput!) {
    rejectSharing(input: $input) {
      ...SharingDecision_arrangement
    }
  }
`);
export const RevokeSharingMutation = graphql(`
  mutation RevokeSharing($input: DecideSharingInput!) {
    revokeSharing(input: $input) {
      ...SharingDecision_arrangement
    }
  }
`);
export const SubmitSharingMutation = graphql(`
  mutation SubmitSharing($id: ID!, $expectedVersion: Int!) {
    submitSharing(id: $id, expectedVersion: $expectedVersion) {
      ...SharingDecision_arrangement
    }
  }
`);
export const WithdrawSharingMutation = graphql(`
  mutation WithdrawSharing($id: ID!, $expectedVersion: Int!) {
    withdrawSharing(id: $id, expectedVersion: $expectedVersion) {
      ...SharingDecision_arrangement
    }
  }
`);

const CHECK_LABELS: Record<string, string> = {
  DPA_VALID: 'Processor has a valid DPA',
  CATEGORIES_IN_INVENTORY: "Categories are in the service's inventory",
  POLICY_PERMITS_SHARING: 'The effective policy permits the sharing',
  SEPARATION_OF_DUTIES: 'Separation of duties',
  SECOND_APPROVAL: 'Required approvals reached',
};

const ACTION_LABELS: Record<SharingAction, string> = {
  APPROVE: 'Approve',
  REJECT: 'Reject',
  REVOKE: 'Revoke',
  SUBMIT: 'Submit for review',
  WITHDRAW: 'Withdraw',
};
const NEEDS_REASON: readonly SharingAction[] = ['REJECT', 'REVOKE'];

/** /sharing/:id — everything a reviewer needs, and the transitions the viewer may take. */
export function SharingPage() {
  const { id = '' } = useParams();
  const { isSensitive } = useTaxonomy();
  const { data, loading, error, refetch } = useQuery(SharingPageQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<SharingAction | null>(null);
  const [approve] = useMutation(ApproveSharingMutation);
  const [reject] = useMutation(RejectSharingMutation);
  const [revoke] = useMutation(RevokeSharingMutation);
  const [submit] = useMutation(SubmitSharingMutation);
  const [withdraw] = useMutation(WithdrawSharingMutation);

  const act = async (action: SharingAction, expectedVersion: number) => {
    setProblem(null);
    setActionError(null);
    setStale(false);
    setDone(null);
    const reason = comment.trim();
    if (NEEDS_REASON.includes(action) && !reason) {
      setProblem(`Give a reason to ${action.toLowerCase()}: it is recorded with the decision.`);
      return;
    }
    setBusy(action);
    try {
      const input = { id, expectedVersion, ...(reason ? { comment: reason } : {}) };
      if (action === 'APPROVE') await approve({ variables: { input } });
      if (action === 'REJECT') await reject({ variables: { input } });
      if (action === 'REVOKE') await revoke({ variables: { input } });
      if (action === 'SUBMIT') await submit({ variables: { id, expectedVersion } });
      if (action === 'WITHDRAW') await withdraw({ variables: { id, expectedVersion } });
      setComment('');
      setDone(`${ACTION_LABELS[action]}: done.`);
      await refetch();
    } catch (e) {
      if (hasErrorCode(e, 'VERSION_CONFLICT')) {
        setStale(true);
        await refetch();
      } else {
        setActionError(e);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the arrangement…">
      {(d) => {
        const a = d.sharingArrangement;
        if (!a) {
          return (
            <Alert color="gray" title="Arrangement not found">
              No sharing arrangement has this id. <RouterLink to="/sharing">Back to the queue</RouterLink>
            </Alert>
          );
        }
        const actions = a.viewerActions;
        const blocking = a.checks.filter((c) => !c.passed && c.blocking);
        return (
          <Stack>
            <div>
              <Text size="sm" c="dimmed">
                <RouterLink to="/sharing">Sharing</RouterLink> / {a.service.name} → {a.processor.name}
              </Text>
              <Group gap="sm">
                <Title order={2}>
                  {a.service.name} → {a.processor.name}
                </Title>
                <SharingStatusBadge status={a.status} />
              </Group>
              <Text size="sm" c="dimmed">
                Proposed by {a.requestedBy.name} ({a.requestedBy.email}) on {formatDateTime(a.createdAt)} · version {a.version}
              </Text>
            </div>
            {stale && (
              <Alert color="orange" title="Someone else acted first" role="alert" data-testid="stale-version">
                This arrangement changed while you were reviewing it (another reviewer decided, or it was edited). It has been reloaded:
                check its state and decide again.
              </Alert>
            )}
            {done && (
              <Alert color="green" role="status">
                {done}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Stack gap={6}>
                  <Title order={3} size="h5">
                    What is shared
                  </Title>
                  <Text size="sm">
                    Service: <RouterLink to={`/services/${a.service.key}`}>{a.service.name}</RouterLink> ({a.service.team.name})
                  </Text>
                  <Group gap={4} aria-label="Categories">
                    {a.dataCategories.map((c) => (
                      <CategoryBadge key={c} category={c} sensitive={isSensitive(c)} />
                    ))}
                  </Group>
                  <Text size="sm">Purposes: {a.purposes.join(', ') || '—'}</Text>
                  <Text size="sm">Legal basis: {a.legalBasis.replace(/_/g, ' ').toLowerCase()}</Text>
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
            <Paper withBorder p="md">
              <Title order={3} size="h5" mb="xs">
                Checks
              </Title>
              <List spacing="xs" aria-label="Checks" listStyleType="none">
                {a.checks.map((c) => (
                  <List.Item
                    key={c.name}
                    icon={
                      <ThemeIcon color={c.passed ? 'green' : c.blocking ? 'red' : 'gray'} size={20} radius="xl" aria-hidden>
                        {c.passed ? '✓' : c.blocking ? '✗' : '…'}
                      </ThemeIcon>
                    }
                  >
                    <Text size="sm" fw={500} span>
                      {CHECK_LABELS[c.name] ?? c.name}: {c.passed ? 'passed' : c.blocking ? 'failed' : 'not yet'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.message}
                    </Text>
                  </List.Item>
                ))}
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
            {actions.length > 0 && (
              <Paper withBorder p="md" component="section" aria-label="Decision">
                <Stack gap="sm">
                  <Title order={3} size="h5">
                    Decision
                  </Title>
                  {actions.some((x) => x === 'APPROVE' || NEEDS_REASON.includes(x)) && (
                    <Textarea
                      label="Comment or reason"
                      description="Optional to approve; required to reject or revoke."
                      value={comment}
                      onChange={(e) => setComment(e.currentTarget.value)}
                      autosize
                      minRows={2}
                    />
                  )}
                  {actions.includes('APPROVE') && blocking.length > 0 && (
                    <Alert color="red" variant="light" title="Approval is blocked">
                      {blocking.map((c) => `${CHECK_LABELS[c.name] ?? c.name}: ${c.message}`).join(' ')}
                    </Alert>
                  )}
                  {problem && (
                    <Alert color="red" role="alert">
                      {problem}
                    </Alert>
                  )}
                  <ErrorMessage error={actionError} title="The decision was not recorded" />
                  <Group>
                    {actions.map((action) => (
                      <Button
                        key={action}
                        color={action === 'APPROVE' || action === 'SUBMIT' ? 'teal' : 'red'}
                        variant={action === 'APPROVE' || action === 'SUBMIT' ? 'filled' : 'light'}
                        loading={busy === action}
                        disabled={(busy !== null && busy !== action) || (action === 'APPROVE' && blocking.length > 0)}
                        onClick={() => void act(action, a.version)}
                      >
                        {ACTION_LABELS[action]}
                      </Button>
                    ))}
                  </Group>
                </Stack>
              </Paper>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
