import { useLazyQuery } from '@apollo/client/react';
import { Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorMessage } from '../../components/QueryState';
import { downloadFile, toJsonFile } from '../../lib/download';
import { AuditTreeHeadQuery, parseTreeHead, verifyRecordedTreeHead } from './audit-proofs';
import { RecordedHeadCheck } from './RecordedHeadCheck';

/**
 * The auditor's view of the Merkle tree over the audit log (DESIGN.md section 10):
 * record the signed tree head now, and later paste it to have the consistency
 * proof from it to the current head checked in this browser.
 */
export function TreeHeadPanel() {
  const [load, { data, loading, error }] = useLazyQuery(AuditTreeHeadQuery, { fetchPolicy: 'network-only' });
  const head = data?.auditTreeHead;
  const json = head ? toJsonFile(head).trim() : '';
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Signed tree heads
      </Title>
      <Group>
        <Button variant="light" loading={loading} onClick={() => void load().catch(() => undefined)}>
          Record the signed tree head
        </Button>
        <Text size="sm" c="dimmed">
          Keep it outside Canopy; pasted back later, it proves the log only grew since.
        </Text>
      </Group>
      <ErrorMessage error={error} title="Could not read the signed tree head" />
      {head && (
        <Stack gap={4}>
          <Text size="sm">
            Head of {head.treeSize} event{head.treeSize === 1 ? '' : 's'}, signed with key {head.keyId.slice(0, 16)}…
          </Text>
          <Code block data-testid="tree-head-json" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {json}
          </Code>
          <Group gap="xs">
            <CopyButton value={json}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy the tree head'}
                </Button>
              )}
            </CopyButton>
            <Button size="xs" variant="default" onClick={() => downloadFile(`canopy-tree-head-${head.treeSize}.json`, `${json}\n`, 'application/json')}>
              Download the tree head
            </Button>
          </Group>
        </Stack>
      )}
      <RecordedHeadCheck
        label="A signed tree head recorded earlier"
        description="Paste its JSON: the consistency proof to the current head is fetched and checked in this browser."
        unreadable="This is not a tree head: paste the JSON recorded above (treeSize and rootHash at least)."
        buttonLabel="Verify consistency"
        parse={parseTreeHead}
        verify={verifyRecordedTreeHead}
      />
    </Stack>
  );
}
