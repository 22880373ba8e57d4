import { useMutation } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { graphql } from '../../gql';
import { ConfirmButton } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';

export const DiscardPolicyDraftMutation = graphql(`
  mutation DiscardPolicyDraft($policyKey: String!) {
    discardPolicyDraft(policyKey: $policyKey)
  }
`);

/** Discarding asks once more: the draft's clauses are lost (the audit log keeps them). */
export function DiscardDraftButton({ policyKey, number, onDiscarded }: { policyKey: string; number: number; onDiscarded: () => void }) {
  const [discard] = useMutation(DiscardPolicyDraftMutation);
  return (
    <ConfirmButton
      label={`Discard draft v${number}`}
      buttonProps={{ variant: 'subtle' }}
      title={`Discard draft v${number}?`}
      confirmLabel="Discard draft"
      errorTitle="The draft was not discarded"
      onConfirm={async () => {
        await discard({ variables: { policyKey } });
        notifySaved(`Draft v${number} is discarded.`, 'Draft discarded');
        onDiscarded();
      }}
    >
      <Text size="sm">Its clauses are lost (the audit log keeps them); drafting again starts from the latest published version.</Text>
    </ConfirmButton>
  );
}
