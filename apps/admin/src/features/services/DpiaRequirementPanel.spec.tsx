import { screen, within } from '@testing-library/react';
import { DpiaRequirementPanel, ServiceDpiaQuery } from './DpiaRequirementPanel';
import { renderPage } from '../../testing/render';

/** The machine running the tests may be busy: the first answer can take a while. */
const WAIT = { timeout: 10_000 };

const mock = (required: boolean, reasons: string[]) => ({
  request: { query: ServiceDpiaQuery, variables: { key: 'maps' } },
  result: { data: { service: { __typename: 'Service' as const, id: 's1', key: 'maps', dpia: { __typename: 'DpiaRequirement' as const, required, reasons } } } },
});

describe('DpiaRequirementPanel', () => {
  it('should say a DPIA is required and list each criterion met as its sentence', async () => {
    const reasons = ['It collects a sensitive category (device.location).', 'It serves minors.'];
    renderPage(<DpiaRequirementPanel serviceKey="maps" />, { mocks: [mock(true, reasons)] });
    expect(await screen.findByText('DPIA required', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByText('2 criteria met; two or more require one.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Criteria met' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(reasons);
  });

  it('should say none is required, still naming a single criterion met', async () => {
    renderPage(<DpiaRequirementPanel serviceKey="maps" />, { mocks: [mock(false, ['It uses a category to personalise.'])] });
    expect(await screen.findByText('no DPIA required', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByText('1 criterion met; two or more require one.')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('It uses a category to personalise.');
    expect(screen.queryByText('DPIA required')).not.toBeInTheDocument();
  });
});
