import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { graphql } from '../../gql';
import { getFragmentData } from '../../gql';
import type { InventoryTab_ServiceFragment } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { CategoryBadge } from '../../components/badges';
import { useTaxonomy } from '../../components/taxonomy';
import { ConfirmButton } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { ENCRYPTION_LABELS, LEGAL_BASIS_LABELS, SOURCE_LABELS } from '../../components/vocabulary';
import { reloadingWhenStale } from '../../lib/errors';
import { FindingsPreview } from './FindingsPreview';
import { InventoryItemForm } from './InventoryItemForm';
import { EMPTY_ITEM, type EditableItem, editableItems, toFormValues, toItemInput, withItem, withoutItem } from './inventory-items';
import { formatDateTime, plural } from '../../lib/format';

/** What the tab shows and what a save returns: the list (now, or as of `$at`) and the version it is at. */
export const InventoryTab_service = graphql(`
  fragment InventoryTab_service on Service {
    id
    key
    inventoryVersion
    inventory(at: $at) {
      id
      dataCategory
      purposes
      source
      devicePermission
      legalBasis
      retentionDays
      encryption
      publiclyVisible
      dataSubjects
    }
  }
`);

export const InventoryTabQuery = graphql(`
  query InventoryTab($key: String!, $at: DateTime) {
    service(key: $key) {
      id
      key
      viewerCanEdit
      ...InventoryTab_service
    }
  }
`);

export const SetInventoryMutation = graphql(`
  mutation SetInventory($serviceKey: String!, $items: [InventoryItemInput!]!, $expectedVersion: Int, $at: DateTime = null) {
    setInventory(serviceKey: $serviceKey, items: $items, expectedVersion: $expectedVersion) {
      id
      key
      ...InventoryTab_service
    }
  }
`);

type Row = InventoryTab_ServiceFragment['inventory'][number] & { n: number };
const column = createColumnHelper<Row>();
const list = (values: readonly string[], none = '—') => (values.length ? values.join(', ') : none);

/**
 * The inventory; the owning team's engineers and officers add, edit and remove
 * items one at a time. With `at`, the inventory in force then, read only.
 */
export function InventoryTab({ serviceKey, serviceName, at = null }: { serviceKey: string; serviceName: string; at?: string | null }) {
  const { data, loading, error, refetch } = useQuery(InventoryTabQuery, { variables: { key: serviceKey, at } });
  const { isSensitive } = useTaxonomy();
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const [stale, setStale] = useState(false);
  const [setInventory] = useMutation(SetInventoryMutation);

  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the inventory…">
      {(d) => {
        if (!d.service) return null;
        // The past is read, never edited: a save replaces the current list.
        const service = { ...getFragmentData(InventoryTab_service, d.service), viewerCanEdit: d.service.viewerCanEdit && !at };
        const saved = editableItems(service.inventory);
        /** Sends the whole list, as setInventory replaces it, from the version this page read. */
        const save = async (items: EditableItem[], done: string) => {
          setStale(false);
          await reloadingWhenStale(setInventory({ variables: { serviceKey, items: items.map(toItemInput), expectedVersion: service.inventoryVersion } }), async () => {
            setStale(true);
            await refetch();
          });
          notifySaved(done, 'Inventory saved');
          setEditing(null);
        };
        const rows: Row[] = service.inventory.map((item, i) => ({ ...item, n: i + 1 }));
        const columns = [
          column.accessor('dataCategory', { header: 'Category', cell: (i) => <CategoryBadge category={i.getValue()} sensitive={isSensitive(i.getValue())} /> }),
          column.accessor('purposes', {
            header: 'Purposes',
            cell: (i) => (
              <Group gap={4}>
                {i.getValue().map((p) => (
                  <Badge key={p} variant="dot" color="gray" miw="max-content" style={{ overflow: 'visible' }}>
                    {p}
                  </Badge>
                ))}
              </Group>
            ),
          }),
          column.accessor('source', { header: 'Source', cell: (i) => `${SOURCE_LABELS[i.getValue()]}${i.row.original.devicePermission ? ` (${i.row.original.devicePermission})` : ''}` }),
          column.accessor('legalBasis', { header: 'Legal basis', cell: (i) => LEGAL_BASIS_LABELS[i.getValue()] }),
          column.accessor('retentionDays', { header: 'Retention', cell: (i) => (i.getValue() == null ? 'indefinitely' : plural(i.getValue() as number, 'day')) }),
          column.accessor('encryption', { header: 'Encryption', cell: (i) => ENCRYPTION_LABELS[i.getValue()] }),
          column.accessor('dataSubjects', { header: 'Data subjects', cell: (i) => list(i.getValue()) }),
          column.accessor('publiclyVisible', { header: 'Public', cell: (i) => (i.getValue() ? 'yes' : <Text c="dimmed" size="sm">no</Text>) }),
          ...(service.viewerCanEdit
            ? [
                column.display({
                  id: 'actions',
                  header: 'Actions',
                  cell: (i) => {
                    const { n, dataCategory } = i.row.original;
                    const remaining = withoutItem(saved, n - 1);
                    return (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" aria-label={`Edit item ${n} (${dataCategory})`} onClick={() => setEditing({ index: n - 1 })}>
                          Edit
                        </Button>
                        <ConfirmButton
                          label="Remove"
                          buttonProps={{ size: 'compact-sm', variant: 'subtle', 'aria-label': `Remove item ${n} (${dataCategory})` }}
                          title={`Remove ${dataCategory} from ${serviceName}?`}
                          confirmLabel="Remove item"
                          errorTitle="The inventory was not saved"
                          onConfirm={() => save(remaining, `Item ${n} (${dataCategory}) is removed from the inventory.`)}
                        >
                          <Stack gap="xs">
                            <Text size="sm">The inventory is saved at once without this item; its history (and the audit log) keeps it.</Text>
                            <FindingsPreview serviceKey={serviceKey} items={remaining.map(toItemInput)} />
                          </Stack>
                        </ConfirmButton>
                      </Group>
                    );
                  },
                }),
              ]
            : []),
        ];
        const editedIndex = editing?.index ?? null;
        return (
          <Stack>
            {stale && (
              <Alert color="orange" title="Someone else changed the inventory" role="alert" data-testid="stale-inventory">
                The inventory changed since you opened it and has been reloaded; nothing of yours was saved. Check it and make your change again.
              </Alert>
            )}
            <DataTable
              data={rows}
              columns={columns}
              getRowId={(row) => row.id}
              caption={at ? `The personal data this service declared on ${formatDateTime(at)}` : 'The personal data this service collects, why, and how it keeps it'}
              empty={at ? 'This service declared no personal data then.' : 'This service declares no personal data yet.'}
            />
            {service.viewerCanEdit && !editing && (
              <Group>
                <Button onClick={() => setEditing({ index: null })}>Add an item</Button>
              </Group>
            )}
            {editing && (
              <InventoryItemForm
                key={`${editedIndex ?? 'new'}-${service.inventoryVersion}`}
                serviceKey={serviceKey}
                title={editedIndex === null ? 'Add an item' : `Edit item ${editedIndex + 1} (${saved[editedIndex]?.dataCategory ?? ''})`}
                initial={editedIndex === null ? EMPTY_ITEM : toFormValues(saved[editedIndex])}
                index={editedIndex}
                others={(item) => (item ? withItem(saved, editedIndex, item) : saved)}
                onSave={(items, item) => save(items, editedIndex === null ? `${item.dataCategory} is added to the inventory.` : `Item ${editedIndex + 1} (${item.dataCategory}) is saved.`)}
                onCancel={() => setEditing(null)}
              />
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
