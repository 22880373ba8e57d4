import { useState, type MouseEvent } from 'react';
import { Anchor, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { InstantInput } from '../../components/forms/DateFields';
import { notifySaved } from '../../components/forms/notify';
import { fileStamp } from '../../lib/download';
import { formatDateTime } from '../../lib/format';

/** Served by the API beside /graphql (apps/api evidence-bundle.route.ts and audit-key.route.ts). */
const BUNDLE_PATH = '/evidence/bundle';
const KEY_PATH = '/.well-known/canopy-audit-key';

export const evidenceBundleHref = (at: string | null) => (at ? `${BUNDLE_PATH}?at=${encodeURIComponent(at)}` : BUNDLE_PATH);

/**
 * Downloads the signed evidence bundle as of an instant (DESIGN.md section 10). A plain link, so the
 * browser streams the file to disk however large the organisation; the key to verify it offline beside it.
 */
export function EvidenceBundlePanel({ now = () => new Date() }: { now?: () => Date }) {
  const [at, setAt] = useState<string | null>(null);
  const future = at !== null && new Date(at).getTime() > now().getTime();
  const instant = at ?? now().toISOString();
  const started = () =>
    notifySaved(`Your browser is saving the evidence bundle as of ${at ? formatDateTime(at) : 'now'}; large organisations take a minute.`, 'Download started');
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Evidence bundle
      </Title>
      <Text size="sm" c="dimmed">
        One signed file: the record of processing, every service&apos;s effective policy and findings, conflicts, arrangements, processors and
        assessments as of the instant, with the audit events they rest on and their inclusion proofs.
      </Text>
      <Group align="flex-end" wrap="wrap">
        <InstantInput
          label="As of"
          description="Empty: now."
          value={at}
          onChange={setAt}
          error={future ? 'This instant is in the future: a bundle can only prove what was already recorded.' : null}
          w={220}
        />
        <Button
          component="a"
          href={future ? undefined : evidenceBundleHref(at)}
          download={`canopy-evidence-${fileStamp(instant)}.jsonl`}
          aria-disabled={future}
          data-disabled={future || undefined}
          onClick={(event: MouseEvent) => (future ? event.preventDefault() : started())}
        >
          Download the evidence bundle
        </Button>
      </Group>
      <Text size="sm">
        Verify it anywhere, without Canopy: <Code>canopy evidence verify FILE --key canopy-audit-key.pem</Code> with{' '}
        <Anchor href={KEY_PATH} download="canopy-audit-key.pem">
          the public key
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
