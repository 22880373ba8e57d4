import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { SharingAction } from '../../gql/graphql';
import { ErrorMessage } from '../../components/QueryState';
import { ConfirmButton, type ReasonField } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { hasErrorCode } from '../../lib/errors';
import { plural } from '../../lib/format';

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
    viewerCanEdit
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

const ACTION_LABELS: Record<SharingAction, string> = {
  APPROVE: 'Approve',
  REJECT: 'Reject',
  REVOKE: 'Revoke',
  SUBMIT: 'Submit for review',
  WITHDRAW: 'Withdraw',
};

export interface DecisionArrangement {
  id: string;
  version: number;
  dataCategories: readonly string[];
  requiredApprovals: number;
  approvals: readonly unknown[];
  viewerActions: readonly SharingAction[];
  service: { name: string };
  processor: { name: string };
}

/** What each irreversible transition will do, said in its confirmation dialog. */
function consequences(action: Exclude<SharingAction, 'SUBMIT'>, a: DecisionArrangement): { title: string; text: string; reason?: ReasonField } {
  const what = `${plural(a.dataCategories.length, 'category', 'categories')} of ${a.service.name} with ${a.processor.name}`;
  switch (action) {
    case 'APPROVE': {
      const n = a.approvals.length + 1;
      return {
        title: `Approve sharing ${what}?`,
        text:
          n >= a.requiredApprovals
            ? `This is approval ${n} of ${a.requiredApprovals}: the arrangement becomes approved and ${a.service.name} may share this data from now on.`
            : `This is approval ${n} of ${a.requiredApprovals}: another officer must approve too before any data is shared.`,
        reason: { label: 'Comment', description: 'Optional; recorded with your approval.' },
      };
    }
    case 'REJECT':
      return {
        title: `Reject sharing ${what}?`,
        text: 'The request ends here; sharing this data needs a new proposal. The reason is recorded and shown to the team.',
        reason: { label: 'Reason', requiredMessage: 'Give a reason to reject: it is recorded with the decision.' },
      };
    case 'REVOKE':
      return {
        title: `Revoke sharing ${what}?`,
        text: 'Sharing stops now and cannot be resumed: sharing again needs a new proposal and a new review.',
        reason: { label: 'Reason', requiredMessage: 'Give a reason to revoke: it is recorded with the decision.' },
      };
    case 'WITHDRAW':
      return { title: `Withdraw sharing ${what}?`, text: 'The arrangement leaves review for good; sharing this data later needs a new proposal.' };
  }
}

/** The transitions the API lists for the viewer: submit at once, the irreversible ones after a confirmation. */
export function SharingDecision({ arrangement: a, blocking, onRefetch }: { arrangement: DecisionArrangement; blocking: readonly string[]; onRefetch: () => Promise<void> }) {
  const [stale, setStale] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [approve] = useMutation(ApproveSharingMutation);
  const [reject] = useMutation(RejectSharingMutation);
  const [revoke] = useMutation(RevokeSharingMutation);
  const [submit, { loading: submitting }] = useMutation(SubmitSharingMutation);
  const [withdraw] = useMutation(WithdrawSharingMutation);

  const act = async (action: SharingAction, reason: string) => {
    setStale(false);
    setDone(null);
    setSubmitError(null);
    const expectedVersion = a.version;
    const input = { id: a.id, expectedVersion, ...(reason ? { comment: reason } : {}) };
    try {
      if (action === 'APPROVE') await approve({ variables: { input } });
      if (action === 'REJECT') await reject({ variables: { input } });
      if (action === 'REVOKE') await revoke({ variables: { input } });
      if (action === 'SUBMIT') await submit({ variables: { id: a.id, expectedVersion } });
      if (action === 'WITHDRAW') await withdraw({ variables: { id: a.id, expectedVersion } });
    } catch (e) {
      if (!hasErrorCode(e, 'VERSION_CONFLICT')) throw e;
      // Another reviewer acted first: say so above, reload, and close the dialog.
      setStale(true);
      await onRefetch();
      return;
    }
    setDone(`${ACTION_LABELS[action]}: done.`);
    notifySaved(`${ACTION_LABELS[action]}: done for ${a.service.name} → ${a.processor.name}.`, 'Decision recorded');
    await onRefetch();
  };

  return (
    <>
      {stale && (
        <Alert color="orange" title="Someone else acted first" role="alert" data-testid="stale-version">
          This arrangement changed while you were reviewing it (another reviewer decided, or it was edited). It has been reloaded: check its
          state and decide again.
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {a.viewerActions.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Decision">
          <Stack gap="sm">
            <Title order={3} size="h5">
              Decision
            </Title>
            {a.viewerActions.includes('APPROVE') && blocking.length > 0 && (
              <Alert color="red" variant="light" title="Approval is blocked">
                {blocking.join(' ')}
              </Alert>
            )}
            <ErrorMessage error={submitError} title="The arrangement was not submitted" />
            <Group>
              {a.viewerActions.map((action) => {
                if (action === 'SUBMIT') {
                  return (
                    <Button key={action} color="teal" loading={submitting} onClick={() => void act('SUBMIT', '').catch(setSubmitError)}>
                      {ACTION_LABELS.SUBMIT}
                    </Button>
                  );
                }
                const c = consequences(action, a);
                const positive = action === 'APPROVE';
                return (
                  <ConfirmButton
                    key={action}
                    label={ACTION_LABELS[action]}
                    color={positive ? 'teal' : 'red'}
                    buttonProps={{ variant: positive ? 'filled' : 'light', disabled: positive && blocking.length > 0 }}
                    title={c.title}
                    confirmLabel={ACTION_LABELS[action]}
                    reason={c.reason}
                    errorTitle="The decision was not recorded"
                    onConfirm={(reason) => act(action, reason)}
                  >
                    <Text size="sm">{c.text}</Text>
                  </ConfirmButton>
                );
              })}
            </Group>
          </Stack>
        </Paper>
      )}
    </>
  );
}
