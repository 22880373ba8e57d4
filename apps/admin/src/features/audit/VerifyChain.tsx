import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../components/QueryState';
import { parseChainHead, verifyRecordedChainHead } from './audit-proofs';
import { RecordedHeadCheck } from './RecordedHeadCheck';

export const VerifyAuditLogQuery = graphql(`
  query VerifyAuditLog {
    verifyAuditLog {
      ok
      checkedEvents
      firstBrokenSeq
      headSeq
      headHash
    }
  }
`);

/** Recomputes the hash chain on the server, shows the head to record outside Canopy, and checks a head recorded earlier. */
export function VerifyChain() {
  const [verify, { data, loading, error }] = useLazyQuery(VerifyAuditLogQuery, { fetchPolicy: 'network-only' });
  const result = data?.verifyAuditLog;
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => void verify().catch(() => undefined)} loading={loading} variant="light">
          Verify chain
        </Button>
        <Text size="sm" c="dimmed">
          Recomputes every event&apos;s hash from the first one.
        </Text>
      </Group>
      {error && <ErrorMessage error={error} title="Could not verify the audit log" />}
      {result && !loading && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          title={result.ok ? 'The audit chain verifies' : `The audit chain is broken at event ${result.firstBrokenSeq}`}
          role="status"
          data-testid="verify-result"
        >
          <Stack gap={4}>
            <Text size="sm">
              {result.checkedEvents} event{result.checkedEvents === 1 ? '' : 's'} checked.
              {result.ok ? ' Every hash matches its event and the previous hash; the sequence has no gap.' : ' Events from this one on do not match their hashes or their sequence.'}
            </Text>
            {result.headSeq != null && (
              <>
                <Text size="sm">
                  Head: event {result.headSeq}, hash <Code>{result.headHash}</Code>. Record this pair outside Canopy: pasted below
                  later, it shows whether the log still extends it.
                </Text>
                <Group>
                  <CopyButton value={JSON.stringify({ seq: result.headSeq, hash: result.headHash })}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="default" onClick={copy}>
                        {copied ? 'Copied' : 'Copy the head (seq, hash)'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </>
            )}
          </Stack>
        </Alert>
      )}
      <RecordedHeadCheck
        label="A chain head recorded earlier"
        description="Paste the seq and hash copied above (or typed as: 42 followed by the hash)."
        unreadable="This is not a head: it needs an event number and a 64-digit hex hash."
        buttonLabel="Check the recorded head"
        parse={parseChainHead}
        verify={verifyRecordedChainHead}
      />
    </Stack>
  );
}
