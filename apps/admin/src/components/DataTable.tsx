import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import { EmptyRow } from './HeadedTable';

/**
 * A header or cell renderer called as a function, not mounted as a component
 * (TanStack's flexRender would make every inline `cell: (i) => ...` a new
 * component type on each render, remounting the cell: a button in it would
 * lose focus, and a click between two renders would reach a detached node).
 */
function renderPart<C>(part: unknown, context: C): ReactNode {
  return typeof part === 'function' ? (part as (c: C) => ReactNode)(context) : (part as ReactNode);
}

/** A TanStack table drawn with Mantine, with a caption for screen readers and an empty row. */
export function DataTable<T>({
  data,
  columns,
  caption,
  empty = 'Nothing to show.',
  getRowId,
}: {
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  caption: string;
  empty?: string;
  getRowId?: (row: T, index: number) => string;
}) {
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId });
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id} scope="col">
                  {header.isPlaceholder ? null : renderPart(header.column.columnDef.header, header.getContext())}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.length === 0 ? (
            <EmptyRow columns={columns.length}>{empty}</EmptyRow>
          ) : (
            table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>{renderPart(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
