import { screen } from '@testing-library/react';
import { ServiceSharingTab, ServiceSharingTabQuery } from './ServiceSharingTab';
import { ServiceFindingsTab, ServiceFindingsTabQuery } from './ServiceFindingsTab';
import { officer, renderPage } from '../../testing/render';
import { taxonomyMock } from '../../testing/fixtures';

const at = '2026-06-01T00:00:00.000Z';
const arrangement = {
  __typename: 'SharingArrangement' as const,
  id: 'a1',
  status: 'PENDING_REVIEW',
  dataCategories: ['device.location'],
  purposes: ['service.provide'],
  legalBasis: 'CONSENT',
  requiredApprovals: 2,
  createdAt: '2026-05-20T10:00:00.000Z',
  approvals: [],
  service: { __typename: 'Service' as const, id: 's1', key: 'maps', name: 'Maps' },
  processor: { __typename: 'Processor' as const, id: 'p1', key: 'tiles', name: 'TileCo' },
};

describe('the service tabs as of a past instant', () => {
  it('should list the arrangements as they stood then, with nothing to propose', async () => {
    renderPage(<ServiceSharingTab serviceKey="maps" mayPropose at={at} />, {
      viewer: officer,
      mocks: [
        taxonomyMock,
        {
          request: { query: ServiceSharingTabQuery, variables: { key: 'maps', at } },
          result: { data: { service: { __typename: 'Service', id: 's1', key: 'maps', sharingArrangements: [arrangement] } } },
        },
      ],
    });
    expect(await screen.findByRole('table', { name: 'Data this service shared with outside processors on 2026-06-01 00:00 UTC, in every status' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review sharing from Maps to TileCo' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Propose sharing' })).not.toBeInTheDocument();
  });

  it('should measure the findings at that instant', async () => {
    const finding = {
      __typename: 'Finding' as const,
      rule: 'RETENTION_EXCEEDED',
      severity: 'HIGH',
      dataCategory: 'device.log',
      message: 'device.log kept 365 days, more than 180',
      accepted: false,
      viewerCanAccept: true,
      acceptedUntil: null,
      acceptanceRationale: null,
      acceptedBy: null,
      service: { __typename: 'Service' as const, id: 's1', key: 'maps', name: 'Maps' },
      clause: null,
    };
    renderPage(<ServiceFindingsTab serviceKey="maps" at={at} />, {
      viewer: officer,
      mocks: [
        {
          request: { query: ServiceFindingsTabQuery, variables: { key: 'maps', at } },
          result: { data: { findingsConnection: { __typename: 'FindingConnection', edges: [{ __typename: 'FindingEdge', node: finding }] } } },
        },
      ],
    });
    expect(await screen.findByRole('table', { name: '1 finding, measured as things stood on 2026-06-01 00:00 UTC' })).toBeInTheDocument();
    expect(screen.getByText(/device.log kept 365 days, more than 180/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
  });
});
