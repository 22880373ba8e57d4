import { screen, within } from '@testing-library/react';
import { ConflictsPage, ConflictsPageQuery } from './ConflictsPage';
import { officer, renderPage } from '../../testing/render';

const conflict = (id: string, topic: string, subject: string, globalValue: string, serviceValue: string) => ({
  __typename: 'PolicyConflict' as const,
  id,
  topic,
  subject,
  globalValue,
  serviceValue,
  globalPolicyVersion: 2,
  servicePolicyVersion: 1,
  status: 'OPEN',
  resolution: null,
  createdAt: '2026-11-02T09:30:00.000Z',
  service: { __typename: 'Service' as const, id: 's1', key: 'maps', name: 'Maps' },
});

const render = (conflicts: ReturnType<typeof conflict>[]) =>
  renderPage(<ConflictsPage />, { viewer: officer, mocks: [{ request: { query: ConflictsPageQuery, variables: { status: 'OPEN' } }, result: { data: { conflicts } } }], path: '/conflicts', route: '/conflicts' });

describe('ConflictsPage', () => {
  it('should head every column differently and put units on numeric values', async () => {
    render([conflict('c1', 'RETENTION', 'device.log', '30', '180'), conflict('c2', 'COMMUNICATION', 'marketing.email', 'OPT_IN', 'OPT_OUT')]);
    const table = await screen.findByRole('table');
    const headings = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headings).toEqual(['Clause', 'Service', 'Global value', 'Service value', 'Status', 'Opened']);
    expect(new Set(headings).size).toBe(headings.length);
    const [, retention, communication] = within(table).getAllByRole('row');
    expect(retention).toHaveTextContent('30 days v2');
    expect(retention).toHaveTextContent('180 days v1');
    expect(retention).toHaveTextContent('2026-11-02');
    expect(communication).toHaveTextContent('OPT_OUT v1');
  });

  it('should count in the singular for one conflict', async () => {
    render([conflict('c1', 'RETENTION', 'device.log', '30', '180')]);
    expect(await screen.findByText('1 open conflict')).toBeInTheDocument();
  });
});
