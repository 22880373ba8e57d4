import { screen } from '@testing-library/react';
import { makeFragmentData } from '../../gql';
import { FindingRow_finding, FindingsTable } from './FindingsTable';
import { officer, renderPage } from '../../testing/render';

const finding = (rule: string, viewerCanAccept: boolean) =>
  makeFragmentData(
    {
      __typename: 'Finding',
      rule,
      severity: 'MEDIUM',
      dataCategory: 'device.log',
      message: `${rule} on device.log`,
      accepted: false,
      viewerCanAccept,
      acceptedUntil: null,
      acceptanceRationale: null,
      acceptedBy: null,
      service: { __typename: 'Service', id: 's1', key: 'logs', name: 'Logs' },
      clause: null,
    },
    FindingRow_finding,
  );

describe('FindingsTable', () => {
  it('should offer acceptance exactly where the API says the viewer may accept', () => {
    renderPage(<FindingsTable findings={[finding('RETENTION_EXCEEDED', true), finding('COLLECTION_UNDISCLOSED', false)]} />, { viewer: officer });
    expect(screen.getByRole('button', { name: 'Accept RETENTION_EXCEEDED on device.log in Logs' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept COLLECTION_UNDISCLOSED/ })).not.toBeInTheDocument();
    expect(screen.getAllByText('open')).toHaveLength(1);
  });

  it('should say the instant findings of the past were measured at, and offer no acceptance of them', () => {
    renderPage(<FindingsTable findings={[finding('RETENTION_EXCEEDED', true)]} asOf="2026-06-01T00:00:00.000Z" />, { viewer: officer });
    expect(screen.getByRole('table', { name: '1 finding, measured as things stood on 2026-06-01 00:00 UTC' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    expect(screen.getByText('open')).toBeInTheDocument();
  });
});
