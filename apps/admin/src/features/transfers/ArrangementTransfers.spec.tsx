import { screen, within } from '@testing-library/react';
import { ArrangementTransfers, ArrangementTransfersQuery } from './ArrangementTransfers';
import { renderPage } from '../../testing/render';

/** The machine running the tests may be busy: the first answer can take a while. */
const WAIT = { timeout: 10_000 };

const transfer = (country: string, restricted: boolean, lawful: boolean, basis: string | null, reason: string) => ({ __typename: 'TransferAssessment' as const, country, restricted, lawful, basis, reason });

const mock = (transfers: ReturnType<typeof transfer>[]) => ({
  request: { query: ArrangementTransfersQuery, variables: { id: 'a1' } },
  result: { data: { sharingArrangement: { __typename: 'SharingArrangement' as const, id: 'a1', transfers } } },
});

describe('ArrangementTransfers', () => {
  it('should show each country with whether it is restricted, lawful, on which basis and why', async () => {
    renderPage(<ArrangementTransfers id="a1" />, {
      mocks: [
        mock([
          transfer('US', true, false, null, 'Voicely Inc. in US: standard contractual clauses need an approved TIA, and none covers the arrangement.'),
          transfer('GB', true, true, 'ADEQUACY_DECISION', 'Cloud Hosting Ltd in GB: adequacy decision in force.'),
          transfer('IE', false, true, null, 'Storage Ltd in IE is inside the home region EEA.'),
        ]),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Transfers' }, WAIT);
    const us = within(table).getByRole('row', { name: /United States/ });
    // Columns: country, restricted, lawful, basis, why.
    expect(within(us).getAllByRole('cell').map((c) => c.textContent)).toEqual(['US · United States', 'yes', 'no', 'none', 'Voicely Inc. in US: standard contractual clauses need an approved TIA, and none covers the arrangement.']);
    const gb = within(table).getByRole('row', { name: /United Kingdom/ });
    expect(within(gb).getAllByRole('cell').map((c) => c.textContent)).toEqual(['GB · United Kingdom', 'yes', 'yes', 'adequacy decision', 'Cloud Hosting Ltd in GB: adequacy decision in force.']);
    const ie = within(table).getByRole('row', { name: /Ireland/ });
    expect(within(ie).getAllByRole('cell')[1]).toHaveTextContent(/^no$/);
  });

  it('should name a safeguard with its assessment in words', async () => {
    renderPage(<ArrangementTransfers id="a1" />, { mocks: [mock([transfer('US', true, true, 'STANDARD_CONTRACTUAL_CLAUSES + TIA', 'covered')])] });
    const row = within(await screen.findByRole('table', { name: 'Transfers' }, WAIT)).getByRole('row', { name: /United States/ });
    expect(within(row).getAllByRole('cell')[3]).toHaveTextContent('standard contractual clauses + TIA');
  });
});
