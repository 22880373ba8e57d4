import type { ReactNode } from 'react';
import { Table, Text, type TableProps } from '@mantine/core';

/** The one row of a table with nothing to show, saying so across every column. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text c="dimmed" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A hand-drawn table (rows as children) named for screen readers, with its
 * column headers and, when `empty` is given, one row that says so.
 */
export function HeadedTable({
  label,
  headers,
  caption,
  empty,
  children,
  ...tableProps
}: {
  label: string;
  headers: ReactNode[];
  caption?: ReactNode;
  empty?: ReactNode;
  children: ReactNode;
} & Omit<TableProps, 'children' | 'aria-label'>) {
  return (
    <Table aria-label={label} {...tableProps}>
      {caption && <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {headers.map((header, i) => (
            <Table.Th key={i} scope="col">
              {header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {empty && <EmptyRow columns={headers.length}>{empty}</EmptyRow>}
        {children}
      </Table.Tbody>
    </Table>
  );
}
