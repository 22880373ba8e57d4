import { screen, within } from '@testing-library/react';
import { DpiaRequirementPanel, ServiceDpiaQuery } from './DpiaRequirementPanel';
import { renderPage } from '../../testing/render';

/** The machine running the tests may be busy: the first answer can take a while. */
const WAIT = { timeout: 10_000 };

type Dpia = { id: string; status: string; statusReason: string | null; reviewDueAt: string | null };

const mock = (required: boolean, reasons: string[], { viewerCanEdit = true, dpias = [] as Dpia[] } = {}) => ({
  request: { query: ServiceDpiaQuery, variables: { key: 'maps' } },
  result: {
    data: {
      service: {
        __typename: 'Service' as const,
        id: 's1',
        key: 'maps',
        viewerCanEdit,
        dpia: { __typename: 'DpiaRequirement' as const, required, reasons },
        assessments: dpias.map((d) => ({ __typename: 'Assessment' as const, kind: 'DPIA', ...d })),
      },
    },
  },
});

describe('DpiaRequirementPanel', () => {
  it('should say a DPIA is required and list each criterion met as its sentence', async () => {
    const reasons = ['It collects a sensitive category (device.location).', 'It serves minors.'];
    renderPage(<DpiaRequirementPanel serviceKey="maps" />, { mocks: [mock(true, reasons)] });
    expect(await screen.findByText('DPIA required', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByText('2 criteria met; two or more require one.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Criteria met' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(reasons);
    // Whom the API lets draft it may start one: a blank draft in the editor.
    expect(screen.getByRole('link', { name: 'Start DPIA' })).toHaveAttribute('href', '/assessments/new?kind=DPIA&service=maps');
  });

  it("should list the service's DPIAs with their state, and offer no start to whom may not draft one", async () => {
    const dpias = [{ id: 'as1', status: 'STALE', statusReason: 'Maps now collects user.biometric, which it did not assess.', reviewDueAt: '2027-06-01T00:00:00.000Z' }];
    renderPage(<DpiaRequirementPanel serviceKey="maps" />, { mocks: [mock(true, ['It collects a sensitive category.'], { viewerCanEdit: false, dpias })] });
    const list = await screen.findByRole('list', { name: 'DPIAs' }, WAIT);
    expect(within(list).getByRole('link', { name: 'DPIA' })).toHaveAttribute('href', '/assessments/as1');
    expect(list).toHaveTextContent('stale');
    expect(list).toHaveTextContent('Maps now collects user.biometric, which it did not assess.');
    expect(screen.queryByRole('link', { name: 'Start DPIA' })).not.toBeInTheDocument();
  });

  it('should say none is required, still naming a single criterion met', async () => {
    renderPage(<DpiaRequirementPanel serviceKey="maps" />, { mocks: [mock(false, ['It uses a category to personalise.'])] });
    expect(await screen.findByText('no DPIA required', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByText('1 criterion met; two or more require one.')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('It uses a category to personalise.');
    expect(screen.queryByText('DPIA required')).not.toBeInTheDocument();
  });
});
