import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../components/QueryState';
import { textInput } from '../../components/forms/text-input';
import { DayInput } from '../../components/forms/DateFields';
import { formatDate } from '../../lib/format';

export const AcceptFindingMutation = graphql(`
  mutation AcceptFinding($input: AcceptFindingInput!) {
    acceptFinding(input: $input) {
      id
      expiresAt
    }
  }
`);

/** An officer accepts a finding: a rationale and an expiry are required; it stays visible, marked accepted, until then. */
export function AcceptFindingButton({
  finding,
  onAccepted,
}: {
  finding: { rule: string; dataCategory?: string | null; service: { key: string; name: string } };
  onAccepted: () => void;
}) {
  const [opened, setOpened] = useState(false);
  const [rationale, setRationale] = useState('');
  const [until, setUntil] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [accept, { loading, error, reset }] = useMutation(AcceptFindingMutation);
  const submit = async () => {
    reset();
    if (!rationale.trim()) return setProblem('A rationale is required.');
    if (!until) return setProblem('Choose until when it is accepted.');
    setProblem(null);
    try {
      await accept({
        variables: {
          input: {
            serviceKey: finding.service.key,
            rule: finding.rule,
            dataCategory: finding.dataCategory ?? null,
            rationale: rationale.trim(),
            expiresAt: `${formatDate(until)}T23:59:59.000Z`,
          },
        },
      });
      setOpened(false);
      onAccepted();
    } catch {
      // shown from the mutation's error state
    }
  };
  const label = `${finding.rule}${finding.dataCategory ? ` on ${finding.dataCategory}` : ''} in ${finding.service.name}`;
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)} aria-label={`Accept ${label}`}>
        Accept…
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Accept ${label}`}>
        <Stack>
          <Text size="sm" c="dimmed">
            An accepted finding stays listed, marked accepted, until the date you choose; then it counts again.
          </Text>
          <Textarea label="Rationale" withAsterisk {...textInput(rationale, setRationale)} autosize minRows={2} />
          <DayInput label="Accepted until" value={until} onChange={setUntil} required />
          {problem && (
            <Text c="red" size="sm" role="alert">
              {problem}
            </Text>
          )}
          <ErrorMessage error={error} title="The finding was not accepted" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={loading}>
              Accept finding
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
