import { screen, waitFor } from '@testing-library/react';
import { TaxonomyQuery } from '../../components/taxonomy';
import { AddDataCategoryMutation, TaxonomyPage } from './TaxonomyPage';
import { engineer, officer, renderPage } from '../../testing/render';
import { allowTypingTime, repeatedQuery } from '../../testing/fixtures';

const category = (key: string, sensitive = false) => ({ __typename: 'DataCategory' as const, key, name: key, description: null, parentKey: key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null, sensitive });
const page = repeatedQuery(TaxonomyQuery, {
  dataCategories: [category('device'), category('device.location', true), category('user'), category('user.contact')],
  dataUses: [{ __typename: 'DataUse' as const, key: 'service.provide', name: 'Provide', description: null }],
});

allowTypingTime();

describe('TaxonomyPage', () => {
  it("should say the domain's taxonomy rules next to the key and the sensitivity", async () => {
    const { user } = renderPage(<TaxonomyPage />, { viewer: officer, mocks: [page] });
    await user.click(await screen.findByRole('button', { name: 'Add a data category' }));
    const key = await screen.findByRole('textbox', { name: /^Key/ });
    await user.type(key, 'user.nothing.here');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Nothing');
    await user.click(screen.getByRole('button', { name: 'Add data category' }));
    expect(key).toHaveAccessibleDescription(expect.stringContaining('Its parent “user.nothing” is not a data category yet: add the parent first.'));
    await user.clear(key);
    await user.type(key, 'device.location.precise');
    await user.click(screen.getByRole('button', { name: 'Add data category' }));
    expect(screen.getByRole('checkbox', { name: /Sensitive/ })).toHaveAccessibleDescription(expect.stringContaining('It is under a sensitive category, so it is sensitive too: tick the box.'));
  });

  it('should add a category and say so', async () => {
    const add = jest.fn(() => ({ data: { addDataCategory: { __typename: 'DataCategory', key: 'user.contact.fax', name: 'Fax', sensitive: false } } }));
    const { user } = renderPage(<TaxonomyPage />, { viewer: officer, mocks: [page, { request: { query: AddDataCategoryMutation, variables: { input: { key: 'user.contact.fax', name: 'Fax', description: null, sensitive: false } } }, result: add }] });
    await user.click(await screen.findByRole('button', { name: 'Add a data category' }));
    await user.type(await screen.findByRole('textbox', { name: /^Key/ }), 'user.contact.fax');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Fax');
    await user.click(screen.getByRole('button', { name: 'Add data category' }));
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('The data category user.contact.fax is added.')).toBeInTheDocument();
  });

  it('should offer adding to officers only', async () => {
    renderPage(<TaxonomyPage />, { viewer: engineer, mocks: [page] });
    await screen.findAllByText('device.location');
    expect(screen.queryByRole('button', { name: 'Add a data category' })).not.toBeInTheDocument();
  });
});
