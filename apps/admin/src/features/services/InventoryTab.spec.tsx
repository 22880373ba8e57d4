import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InventoryTab, InventoryTabQuery, SetInventoryMutation } from './InventoryTab';
import { InventoryFindingsPreviewQuery } from './FindingsPreview';
import { engineer, renderPage } from '../../testing/render';
import { taxonomyMock, allowTypingTime } from '../../testing/fixtures';

type Item = typeof location | typeof logs;
const location = { dataCategory: 'device.location', purposes: ['service.provide'], source: 'DEVICE_PERMISSION' as const, devicePermission: 'LOCATION', legalBasis: 'CONSENT' as const, retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT' as const, publiclyVisible: false, dataSubjects: ['drivers'] };
const logs = { ...location, dataCategory: 'device.log', purposes: ['service.improve'], source: 'AUTOMATIC' as const, devicePermission: null, legalBasis: 'LEGITIMATE_INTEREST' as const, retentionDays: null, encryption: 'IN_TRANSIT' as const, publiclyVisible: true, dataSubjects: ['drivers', 'passengers'] };
const asRow = (item: Item, id: string) => ({ __typename: 'InventoryItem' as const, id, ...item });
const service = (items: Item[], inventoryVersion: number, viewerCanEdit = true) => ({
  __typename: 'Service' as const,
  id: 's1',
  key: 'maps',
  viewerCanEdit,
  inventoryVersion,
  inventory: items.map((item, i) => asRow(item, `i${inventoryVersion}-${i}`)),
});
const read = (items: Item[], inventoryVersion: number, viewerCanEdit = true) => ({
  request: { query: InventoryTabQuery, variables: { key: 'maps', at: null } },
  result: { data: { service: service(items, inventoryVersion, viewerCanEdit) } },
});
const preview = {
  request: { query: InventoryFindingsPreviewQuery, variables: () => true },
  result: {
    data: {
      current: { __typename: 'ManifestCheck' as const, findings: [] },
      proposed: { __typename: 'ManifestCheck' as const, at: '2026-11-30T00:00:00.000Z', findings: [] },
    },
  },
  maxUsageCount: 20,
};
const save = (items: Item[], expectedVersion: number, result: Record<string, unknown>) => ({
  request: { query: SetInventoryMutation, variables: { serviceKey: 'maps', items, expectedVersion } },
  result,
});

function render(mocks: unknown[]) {
  renderPage(<InventoryTab serviceKey="maps" serviceName="Maps" />, { viewer: engineer, mocks: [taxonomyMock, preview, ...(mocks as never[])] });
  return userEvent.setup({ delay: null });
}

allowTypingTime();

describe('InventoryTab', () => {
  it('should send the whole list with one field changed, every other field of every item kept, from the version it read', async () => {
    const edited = { ...location, retentionDays: 45 };
    const user = render([read([location, logs], 4), save([edited, logs], 4, { data: { setInventory: service([edited, logs], 5) } })]);
    await user.click(await screen.findByRole('button', { name: 'Edit item 1 (device.location)' }));
    const form = screen.getByRole('form', { name: 'Edit item 1 (device.location)' });
    // Every field of the item is in the form as saved.
    expect(within(form).getByLabelText('Device permission')).toHaveValue('LOCATION');
    expect(within(form).getByText('drivers')).toBeInTheDocument();
    const retention = within(form).getByLabelText('Retention (days)');
    await user.clear(retention);
    await user.type(retention, '45');
    await user.click(within(form).getByRole('button', { name: 'Save item' }));
    // The mock answers only the exact list above: a dropped field would leave the form open with an error.
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(await screen.findByText('Item 1 (device.location) is saved.')).toBeInTheDocument();
    expect(screen.getByText('45 days')).toBeInTheDocument();
  });

  it('should check a new item before sending anything, in words next to each field', async () => {
    const user = render([read([location], 1)]);
    await user.click(await screen.findByRole('button', { name: 'Add an item' }));
    const form = screen.getByRole('form', { name: 'Add an item' });
    await user.click(within(form).getByRole('button', { name: 'Save item' }));
    expect(within(form).getByRole('combobox', { name: /Data category/ })).toHaveAccessibleDescription(expect.stringContaining('Choose the data category.'));
    expect(within(form).getByText('Choose at least one purpose: data held for no purpose may not be collected.')).toBeInTheDocument();
    expect(within(form).getByText('Enter how many days the data is kept, or tick “kept indefinitely”.')).toBeInTheDocument();
  });

  it('should ask before removing an item, then save the list without it', async () => {
    const user = render([read([location, logs], 2), save([location], 2, { data: { setInventory: service([location], 3) } })]);
    await user.click(await screen.findByRole('button', { name: 'Remove item 2 (device.log)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove device.log from Maps?' });
    expect(dialog).toHaveTextContent('The inventory is saved at once without this item');
    await user.click(within(dialog).getByRole('button', { name: 'Remove item' }));
    expect(await screen.findByText('Item 2 (device.log) is removed from the inventory.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('device.log')).not.toBeInTheDocument());
  });

  it('should say someone else changed the inventory when the version is stale, and reload it', async () => {
    const user = render([
      read([location], 7),
      save([{ ...location, retentionDays: 60 }], 7, { errors: [{ message: 'The inventory of "maps" is at version 8, not 7.', extensions: { code: 'VERSION_CONFLICT' } }] }),
      read([logs], 8),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Edit item 1 (device.location)' }));
    const retention = screen.getByLabelText('Retention (days)');
    await user.clear(retention);
    await user.type(retention, '60');
    await user.click(screen.getByRole('button', { name: 'Save item' }));
    expect(await screen.findByTestId('stale-inventory')).toHaveTextContent('Someone else changed the inventory');
    expect(await screen.findByText('device.log')).toBeInTheDocument();
  });

  it('should offer no editing to a viewer who may not change the service', async () => {
    render([read([location], 1, false)]);
    await screen.findByText('drivers');
    expect(screen.queryByRole('button', { name: 'Add an item' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit item/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it('should show the inventory in force at `at`, read only, even to a viewer who may change it', async () => {
    const at = '2026-06-01T00:00:00.000Z';
    renderPage(<InventoryTab serviceKey="maps" serviceName="Maps" at={at} />, {
      viewer: engineer,
      mocks: [taxonomyMock, { request: { query: InventoryTabQuery, variables: { key: 'maps', at } }, result: { data: { service: service([logs], 3) } } }],
    });
    expect(await screen.findByRole('table', { name: 'The personal data this service declared on 2026-06-01 00:00 UTC' })).toBeInTheDocument();
    expect(screen.getByText('device.log')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add an item' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit item/ })).not.toBeInTheDocument();
  });
});
