import { screen, waitFor, within } from '@testing-library/react';
import { WhatIfPage, WhatIfQuery } from './WhatIfPage';
import { auditor, renderPage } from '../../testing/render';
import { allowTypingTime, taxonomyMock } from '../../testing/fixtures';

/** The machine running the tests may be busy: the first answer can take a while. */
const WAIT = { timeout: 10_000 };

const arrangement = (id: string, service: string, processor: string, country: string, status = 'APPROVED') => ({
  __typename: 'SharingArrangement' as const,
  id,
  status,
  dataCategories: ['device.location', 'device.log'],
  purposes: ['service.provide'],
  legalBasis: 'CONSENT',
  requiredApprovals: 2,
  createdAt: '2026-11-01T10:00:00.000Z',
  approvals: [],
  service: { __typename: 'Service' as const, id: `s-${service}`, key: service, name: service.toUpperCase() },
  processor: { __typename: 'Processor' as const, id: `p-${processor}`, key: processor, name: `${processor} Inc.`, country },
});

const finding = (message: string) => ({ __typename: 'Finding' as const, rule: 'TRANSFER_UNLAWFUL', severity: 'CRITICAL', message });

const IMPACT = {
  transferImpact: {
    __typename: 'TransferImpact' as const,
    scenario: 'adequacy withdrawn for GB, US from 2026-12-01T00:00:00.000Z',
    affected: [
      { __typename: 'TransferImpactItem' as const, countries: ['US'], hasFallback: true, findingsOpening: [], arrangement: arrangement('a1', 'maps', 'tiles', 'US') },
      {
        __typename: 'TransferImpactItem' as const,
        countries: ['GB', 'US'],
        hasFallback: false,
        findingsOpening: [finding('The transfer of LENS to crash Inc. in GB has no basis.')],
        arrangement: arrangement('a2', 'lens', 'crash', 'GB'),
      },
    ],
  },
};

const impact = (scenario: Record<string, unknown>, data = IMPACT) => ({ request: { query: WhatIfQuery, variables: { scenario } }, result: jest.fn(() => ({ data })), maxUsageCount: 3 });

const render = (mocks: unknown[], path = '/transfers/what-if') => renderPage(<WhatIfPage />, { viewer: auditor, mocks: [taxonomyMock, ...(mocks as never[])], path, route: '/transfers/what-if' });

const field = (name: RegExp) => screen.queryByRole('combobox', { name }) ?? screen.getByRole('textbox', { name });

allowTypingTime();

describe('WhatIfPage', () => {
  it('should say it saves nothing, and ask for a country or mechanism before asking the API', async () => {
    const asked = impact({ withdrawAdequacy: [], invalidateMechanisms: [], from: null });
    const { user } = render([asked]);
    expect(screen.getByText(/Nothing is saved and nothing changes/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the impact' }));
    expect(await screen.findByText('Choose at least one country or mechanism.', undefined, WAIT)).toBeInTheDocument();
    expect(asked.result).not.toHaveBeenCalled();
  });

  it('should group the affected arrangements under each country that loses its basis, with services, categories, processors, fallback and findings', async () => {
    render([impact({ withdrawAdequacy: ['GB', 'US'], invalidateMechanisms: [], from: '2026-12-01T00:00:00.000Z' })], '/transfers/what-if?withdraw=GB,US&from=2026-12-01T00%3A00%3A00.000Z');
    const gb = await screen.findByRole('region', { name: 'Affected in GB · United Kingdom' }, WAIT);
    const us = screen.getByRole('region', { name: 'Affected in US · United States' });
    expect(within(gb).getByRole('heading')).toHaveTextContent('GB · United Kingdom: 1 arrangement');
    expect(within(us).getByRole('heading')).toHaveTextContent('US · United States: 2 arrangements');
    const lens = within(gb).getByRole('row', { name: /LENS → crash Inc\./ });
    expect(within(lens).getByRole('link', { name: 'LENS' })).toHaveAttribute('href', '/services/lens');
    expect(within(lens).getByRole('link', { name: 'crash Inc.' })).toHaveAttribute('href', '/processors/crash');
    expect(lens).toHaveTextContent('device.location');
    // Columns: arrangement, service, categories, processor, fallback, findings.
    expect(within(lens).getAllByRole('cell')[4]).toHaveTextContent(/^no$/);
    expect(lens).toHaveTextContent('The transfer of LENS to crash Inc. in GB has no basis.');
    const maps = within(us).getByRole('row', { name: /MAPS → tiles Inc\./ });
    expect(within(maps).getAllByRole('cell')[4]).toHaveTextContent('yes: another basis remains');
    expect(within(maps).getAllByRole('cell')[5]).toHaveTextContent(/^none$/);
    expect(screen.getByText(/If adequacy withdrawn for GB, US from 2026-12-01T00:00:00.000Z: 2 live arrangements would lose the basis of a transfer\./)).toBeInTheDocument();
  });

  it('should run the scenario chosen in the form: a country withdrawn and a mechanism invalidated', async () => {
    const asked = impact({ withdrawAdequacy: ['US'], invalidateMechanisms: ['STANDARD_CONTRACTUAL_CLAUSES'], from: null });
    const { user } = render([asked]);
    await user.type(field(/^Adequacy withdrawn for/), 'United St');
    await user.click(await screen.findByRole('option', { name: /^US · / }, WAIT));
    await user.click(screen.getByRole('checkbox', { name: 'standard contractual clauses' }));
    await user.click(screen.getByRole('button', { name: 'Show the impact' }));
    await waitFor(() => expect(asked.result).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('region', { name: 'Affected in US · United States' }, WAIT)).toBeInTheDocument();
  });

  it('should say when no arrangement would be affected', async () => {
    render([impact({ withdrawAdequacy: ['JP'], invalidateMechanisms: [], from: null }, { transferImpact: { __typename: 'TransferImpact', scenario: 'adequacy withdrawn for JP from 2026-11-30T10:00:00.000Z', affected: [] } })], '/transfers/what-if?withdraw=JP');
    expect(await screen.findByText('No live arrangement would lose the basis of a transfer.', undefined, WAIT)).toBeInTheDocument();
  });
});
