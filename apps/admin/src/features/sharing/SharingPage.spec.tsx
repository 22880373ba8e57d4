import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SharingPage, SharingPageQuery } from './SharingPage';
import { ApproveSharingMutation } from './SharingDecision';
import { TaxonomyQuery } from '../../components/taxonomy';
import { ArrangementTransfersQuery } from '../transfers/ArrangementTransfers';
import { engineer, officer, renderPage } from '../../testing/render';

const user = (id: string, email: string, name: string) => ({ __typename: 'User' as const, id, email, name });

const arrangement = (over: Record<string, unknown> = {}) => ({
  __typename: 'SharingArrangement' as const,
  id: 'a1',
  status: 'PENDING_REVIEW',
  version: 3,
  dataCategories: ['device.location', 'device.log'],
  purposes: ['service.provide'],
  legalBasis: 'CONSENT',
  requiredApprovals: 2,
  decisionReason: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
  service: {
    __typename: 'Service' as const,
    id: 's1',
    key: 'maps',
    name: 'Maps',
    viewerCanEdit: true,
    team: { __typename: 'Team' as const, id: 't1', key: 'geo', name: 'Geo and maps' },
    inventory: [{ __typename: 'InventoryItem' as const, id: 'i1', dataCategory: 'device.location' }],
  },
  processor: {
    __typename: 'Processor' as const,
    id: 'p1',
    key: 'tiles',
    name: 'TileCo',
    country: 'DE',
    dpaSignedAt: '2026-01-01T00:00:00.000Z',
    dpaExpiresAt: '2099-01-01T00:00:00.000Z',
  },
  requestedBy: user('u-eng', 'eng.geo@canopy.demo', 'Gus Geo'),
  approvals: [{ __typename: 'SharingApproval' as const, comment: null, at: '2026-11-28T10:00:00.000Z', approver: user('u-dpo2', 'dpo2@canopy.demo', 'Omar Officer') }],
  checks: [
    { __typename: 'SharingCheck' as const, name: 'DPA_VALID', passed: true, blocking: true, message: 'Signed, valid until 2099-01-01.' },
    { __typename: 'SharingCheck' as const, name: 'SEPARATION_OF_DUTIES', passed: true, blocking: true, message: 'You did not request it and have not approved it.' },
    { __typename: 'SharingCheck' as const, name: 'SECOND_APPROVAL', passed: false, blocking: false, message: '1 of 2 approvals.' },
  ],
  // What the API computed for an officer looking at a pending arrangement.
  viewerActions: ['APPROVE', 'REJECT'],
  viewerCanEdit: false,
  ...over,
});

const taxonomy = {
  request: { query: TaxonomyQuery },
  result: {
    data: {
      dataCategories: [
        { __typename: 'DataCategory' as const, key: 'device.location', name: 'Location', description: null, sensitive: true, parentKey: 'device' },
        { __typename: 'DataCategory' as const, key: 'device.log', name: 'Logs', description: null, sensitive: false, parentKey: 'device' },
      ],
      dataUses: [],
    },
  },
  maxUsageCount: 10,
};

// The transfers panel's own query: the processor is inside the home region.
const transfers = {
  request: { query: ArrangementTransfersQuery, variables: { id: 'a1' } },
  result: {
    data: {
      sharingArrangement: {
        __typename: 'SharingArrangement' as const,
        id: 'a1',
        transfers: [{ __typename: 'TransferAssessment' as const, country: 'DE', restricted: false, lawful: true, basis: null, reason: 'TileCo is in DE, inside the home region EEA.' }],
      },
    },
  },
  maxUsageCount: 10,
};

const page = (data: ReturnType<typeof arrangement>, maxUsageCount = 1) => ({
  request: { query: SharingPageQuery, variables: { id: 'a1' } },
  result: { data: { sharingArrangement: data } },
  maxUsageCount,
});

const render = (viewer = officer, mocks: unknown[] = [page(arrangement())]) =>
  renderPage(<SharingPage />, { viewer, mocks: [taxonomy, transfers, ...(mocks as never[])], path: '/sharing/a1', route: '/sharing/:id' });

describe('SharingPage', () => {
  it('should show the approvals so far out of those required, the checks and the sensitive category', async () => {
    render();
    expect(await screen.findByTestId('approval-progress')).toHaveTextContent('1 of 2');
    expect(screen.getByText(/Omar Officer/)).toBeInTheDocument();
    expect(screen.getByText('Processor has a valid DPA: passed')).toBeInTheDocument();
    expect(screen.getByText('Required approvals reached: not yet')).toBeInTheDocument();
    expect(await screen.findByText('device.location · sensitive')).toBeInTheDocument();
    expect(screen.getByText(/^Valid until 2099-01-01/)).toBeInTheDocument();
  });

  it('should offer starting a TIA of the arrangement to whom may draft one', async () => {
    render();
    expect(await screen.findByRole('link', { name: 'Start TIA' })).toHaveAttribute('href', '/assessments/new?kind=TIA&service=maps&arrangement=a1');
  });

  it('should offer an officer approve and reject', async () => {
    render();
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeInTheDocument();
  });

  it('should block approval while a check fails, naming it', async () => {
    render(officer, [
      page(
        arrangement({
          checks: [{ __typename: 'SharingCheck', name: 'DPA_VALID', passed: false, blocking: true, message: 'The DPA expired on 2026-11-01.' }],
        }),
      ),
    ]);
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(screen.getByText(/Processor has a valid DPA: The DPA expired on 2026-11-01\./)).toBeInTheDocument();
  });

  it('should show a failing assessment check before enforcement as advisory, never as a failure, leaving approval open', async () => {
    const advisory = 'processor tiles in US: not lawful: no adequacy decision covers US (advisory: counts from 2027-01-01T00:00:00.000Z)';
    render(officer, [
      page(
        arrangement({
          checks: [
            { __typename: 'SharingCheck', name: 'TRANSFER_LAWFUL', passed: false, blocking: false, message: advisory },
            { __typename: 'SharingCheck', name: 'DPIA_APPROVED', passed: true, blocking: false, message: 'no DPIA is needed' },
          ],
        }),
      ),
    ]);
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(screen.getByText('Transfers outside the home region are lawful: advisory, does not block yet')).toBeInTheDocument();
    expect(screen.getByText(advisory)).toBeInTheDocument();
    expect(screen.getByText('Sensitive data is covered by an approved DPIA: passed')).toBeInTheDocument();
    expect(screen.queryByText(/: failed$/)).not.toBeInTheDocument();
  });

  it('should block approval once an assessment check is enforced and fails, naming it in plain words', async () => {
    render(officer, [
      page(arrangement({ checks: [{ __typename: 'SharingCheck', name: 'DPIA_APPROVED', passed: false, blocking: true, message: 'shares sensitive device.location but no approved DPIA covers the service' }] })),
    ]);
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(screen.getByText('Sensitive data is covered by an approved DPIA: failed')).toBeInTheDocument();
    expect(screen.getByText(/Sensitive data is covered by an approved DPIA: shares sensitive device\.location/)).toBeInTheDocument();
  });

  it('should offer an engineer no approve or reject control', async () => {
    render(engineer, [page(arrangement({ viewerActions: ['WITHDRAW'] }))]);
    await screen.findByTestId('approval-progress');
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    // Its own team's request: it may withdraw it.
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeInTheDocument();
  });

  it('should offer exactly the transitions the API lists for the viewer, whatever its roles', async () => {
    render(officer, [page(arrangement({ viewerActions: ['APPROVE', 'REJECT', 'WITHDRAW'] }))]);
    await screen.findByRole('button', { name: 'Approve' });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve', 'Reject', 'Withdraw']);
  });

  it('should show no decision controls when the API lists none', async () => {
    render(officer, [page(arrangement({ viewerActions: [] }))]);
    await screen.findByTestId('approval-progress');
    expect(screen.queryByRole('region', { name: 'Decision' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('should ask before rejecting, say what happens, and require a reason in words next to its field', async () => {
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: /Reject sharing 2 categories of Maps with TileCo\?/ });
    expect(dialog).toHaveTextContent('The request ends here');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    const reason = within(dialog).getByLabelText(/Reason/);
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Give a reason to reject: it is recorded with the decision.'));
  });

  it('should send nothing when the reviewer cancels the dialog', async () => {
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('This is approval 2 of 2: the arrangement becomes approved');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByTestId('stale-version')).not.toBeInTheDocument();
  });

  it('should offer editing a draft to whom the API allows', async () => {
    render(engineer, [page(arrangement({ status: 'DRAFT', viewerActions: ['SUBMIT', 'WITHDRAW'], viewerCanEdit: true }))]);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit draft' }));
    expect(screen.getByRole('form', { name: 'Edit the draft' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit for review' })).toBeInTheDocument();
  });

  it('should tell the reviewer someone else acted when the version is stale, and reload', async () => {
    render(officer, [
      page(arrangement()),
      {
        request: { query: ApproveSharingMutation, variables: { input: { id: 'a1', expectedVersion: 3 } } },
        result: { errors: [{ message: 'Expected version 3, found 4.', extensions: { code: 'VERSION_CONFLICT' } }] },
      },
      page(arrangement({ status: 'APPROVED', version: 4, viewerActions: ['REVOKE'] })),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByTestId('stale-version')).toHaveTextContent('Someone else acted first');
    expect(await screen.findByText('approved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });
});
