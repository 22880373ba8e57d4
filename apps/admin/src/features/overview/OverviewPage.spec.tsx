import { screen, waitFor } from '@testing-library/react';
import { OverviewCountsQuery, OverviewFindingsQuery, OverviewMapQuery, OverviewPage } from './OverviewPage';
import { renderPage } from '../../testing/render';
import { taxonomyMock } from '../../testing/fixtures';

const tooLarge = (list: string, instead: string) => ({
  errors: [{ message: `${list} has more than 10000 results: use ${instead}.`, extensions: { code: 'RESULT_TOO_LARGE', limit: 10000 } }],
});

const counts = {
  request: { query: OverviewCountsQuery },
  result: {
    data: {
      services: { __typename: 'ServiceConnection', totalCount: 25000, edges: [{ __typename: 'ServiceEdge', node: { __typename: 'Service', id: 's1', key: 'maps', name: 'Maps' } }] },
      openConflicts: [{ __typename: 'PolicyConflict', id: 'c1' }],
      pendingSharing: [],
    },
  },
};

describe('OverviewPage', () => {
  it('should keep the counts when the findings and the data map are too large to show, and say why in words', async () => {
    renderPage(<OverviewPage />, {
      mocks: [
        counts,
        { request: { query: OverviewFindingsQuery }, result: tooLarge('findings', 'findingsConnection') },
        { request: { query: OverviewMapQuery }, result: tooLarge('sharingArrangements', 'a service or processor page') },
        taxonomyMock,
      ],
    });
    expect(await screen.findByLabelText('25000 Services')).toBeInTheDocument();
    expect(screen.getByLabelText('1 Open conflicts')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText(/too large to show this in one piece/)).toHaveLength(2));
    expect(screen.getByText(/use findingsConnection/)).toBeInTheDocument();
  });

  it('should count the findings by severity', async () => {
    const findings = ['HIGH', 'HIGH', 'LOW'].map((severity) => ({ __typename: 'Finding', severity }));
    renderPage(<OverviewPage />, {
      mocks: [
        counts,
        { request: { query: OverviewFindingsQuery }, result: { data: { findings } } },
        { request: { query: OverviewMapQuery }, result: { data: { sharingArrangements: [] } } },
        taxonomyMock,
      ],
    });
    expect(await screen.findByLabelText('2 high findings')).toBeInTheDocument();
    expect(screen.getByLabelText('1 low findings')).toBeInTheDocument();
    expect(screen.getByLabelText('0 critical findings')).toBeInTheDocument();
  });
});
