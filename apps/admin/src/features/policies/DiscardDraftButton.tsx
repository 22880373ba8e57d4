import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../components/QueryState';

export const DiscardPolicyDraftMutation = graphql(`
  mutation DiscardPolicyDraft($policyKey: String!) {
    discardPolicyDraft(policyKey: $policyKey)
  }
`);

/** Discarding asks once more: the draft's clauses are lost (the audit log keeps them). */
export function DiscardDraftButton({ policyKey, number, onDiscarded }: { policyKey: string; number: number; onDiscarded: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [discard, { loading, error }] = useMutation(DiscardPolicyDraftMutation);
  if (!confirming) {
    return (
      <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
        Discard draft v{number}
      </Button>
    );
  }
  return (
    <Stack gap="xs" align="flex-end">
      <Group>
        <Text size="sm">Discard draft v{number}? Its clauses will be lost.</Text>
        <Button variant="default" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
        <Button
          color="red"
          loading={loading}
          onClick={() =>
            void discard({ variables: { policyKey } })
              .then(onDiscarded)
              .catch(() => undefined)
          }
        >
          Discard
        </Button>
      </Group>
      <ErrorMessage error={error} title="The draft was not discarded" />
    </Stack>
  );
}
