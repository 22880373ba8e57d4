import { useQuery } from '@apollo/client/react';
import { Badge, Code, Group, List, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { graphql } from '../../gql';
import type { InventoryItemInput } from '../../gql/graphql';
import { ErrorMessage } from '../../components/QueryState';
import { SeverityBadge } from '../../components/badges';
import { plural } from '../../lib/format';

export const InventoryFindingsPreviewQuery = graphql(`
  query InventoryFindingsPreview($key: String!, $items: [InventoryItemInput!]!) {
    current: checkServiceManifest(input: { key: $key }) {
      findings {
        rule
        severity
        dataCategory
        message
      }
    }
    proposed: checkServiceManifest(input: { key: $key, inventory: $items }) {
      at
      findings {
        rule
        severity
        dataCategory
        message
        accepted
      }
    }
  }
`);

const identity = (f: { rule: string; dataCategory?: string | null; message: string }) => `${f.rule}|${f.dataCategory ?? ''}|${f.message}`;

/**
 * The findings the service would have with `items` as its inventory, under
 * the effective policy now (checkServiceManifest, nothing saved): new ones
 * marked, and those the change would make go away.
 */
export function FindingsPreview({ serviceKey, items }: { serviceKey: string; items: Required<InventoryItemInput>[] }) {
  const [debounced] = useDebouncedValue(items, 400);
  const { data, previousData, loading, error } = useQuery(InventoryFindingsPreviewQuery, { variables: { key: serviceKey, items: debounced }, fetchPolicy: 'network-only' });
  const shown = data ?? previousData;
  if (error) return <ErrorMessage error={error} title="The findings of this change could not be computed" />;
  if (!shown) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Measuring the change against the effective policy…
      </Text>
    );
  }
  const before = new Set(shown.current.findings.map(identity));
  const after = new Set(shown.proposed.findings.map(identity));
  const gone = shown.current.findings.filter((f) => !after.has(identity(f)));
  return (
    <Stack gap={6} aria-label="Findings after this change" component="section" aria-busy={loading}>
      <Text size="sm" fw={500} aria-live="polite">
        {shown.proposed.findings.length === 0
          ? 'No findings after this change: every item matches the effective policy.'
          : `${plural(shown.proposed.findings.length, 'finding')} after this change${gone.length ? `; ${plural(gone.length, 'finding')} would go away` : ''}.`}
      </Text>
      {shown.proposed.findings.length > 0 && (
        <List spacing={4} listStyleType="none" data-testid="findings-preview">
          {shown.proposed.findings.map((f) => (
            <List.Item key={identity(f)}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <SeverityBadge severity={f.severity} />
                {!before.has(identity(f)) && (
                  <Badge color="violet" variant="light" miw="max-content" style={{ flexShrink: 0 }}>
                    new
                  </Badge>
                )}
                {f.accepted && (
                  <Badge color="gray" variant="light" miw="max-content" style={{ flexShrink: 0 }}>
                    accepted
                  </Badge>
                )}
                <Text size="sm">
                  <Code>{f.rule}</Code> {f.message}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {gone.length > 0 && (
        <Text size="sm" c="dimmed">
          Would go away: {gone.map((f) => `${f.rule}${f.dataCategory ? ` (${f.dataCategory})` : ''}`).join(', ')}.
        </Text>
      )}
    </Stack>
  );
}
