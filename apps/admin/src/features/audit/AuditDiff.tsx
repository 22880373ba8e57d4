import { Badge, Code, Table, Text } from '@mantine/core';
import { HeadedTable } from '../../components/HeadedTable';
import { auditChanges, formatJsonValue } from '../../lib/audit-diff';

const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** An audit event's before/after as a readable list of changes. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = auditChanges(before, after);
  if (rows.length === 0) return <Text size="sm" c="dimmed">No field changed.</Text>;
  return (
    <HeadedTable withTableBorder fz="sm" label="Changes" headers={['Field', 'Change', 'Before', 'After']}>
        {rows.map((row) => (
          <Table.Tr key={`${row.path}-${row.kind}`}>
            <Table.Td>
              <Code>{row.path}</Code>
            </Table.Td>
            <Table.Td>
              <Badge size="xs" color={KIND_COLORS[row.kind]} variant="light">
                {row.kind}
              </Badge>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {row.kind !== 'added' && (
                <Text size="sm" td={row.kind === 'removed' ? 'line-through' : undefined}>
                  {formatJsonValue(row.before)}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{row.kind !== 'removed' && <Text size="sm">{formatJsonValue(row.after)}</Text>}</Table.Td>
          </Table.Tr>
        ))}
    </HeadedTable>
  );
}
