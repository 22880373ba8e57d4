import { screen, within } from '@testing-library/react';
import { EffectivePolicyTab, EffectivePolicyTabQuery } from './EffectivePolicyTab';
import { renderPage } from '../../testing/render';

const clause = (over: Record<string, unknown>) => ({
  __typename: 'EffectiveClause' as const,
  topic: 'RETENTION',
  subject: 'device.log',
  value: '180',
  source: 'GLOBAL',
  policyKey: 'general',
  policyVersion: 1,
  pendingReview: false,
  explanation: 'RETENTION device.log = 180 from global policy general v1',
  conflict: null,
  ...over,
});

describe('EffectivePolicyTab', () => {
  it('should show each clause with its source, pending-review mark and explanation', async () => {
    renderPage(<EffectivePolicyTab serviceKey="lens" />, {
      path: '/services/lens?tab=policy',
      route: '/services/:key',
      mocks: [
        {
          request: { query: EffectivePolicyTabQuery, variables: { key: 'lens', at: null } },
          result: {
            data: {
              effectivePolicy: {
                __typename: 'EffectivePolicy',
                at: '2026-11-29T10:00:00.000Z',
                clauses: [
                  clause({ pendingReview: true, conflict: { __typename: 'PolicyConflict', id: 'c1', status: 'OPEN' }, explanation: 'weaker than global; OPEN conflict: global applies for now' }),
                  clause({ topic: 'RETENTION', subject: 'device.camera', value: '30', source: 'SERVICE', policyKey: 'lens-policy', explanation: 'stricter than global' }),
                ],
              },
            },
          },
        },
      ],
    });
    const pending = await screen.findByTestId('effective-RETENTION-device.log');
    expect(within(pending).getByTestId('effective-value')).toHaveTextContent('180');
    expect(within(pending).getByText('global policy')).toBeInTheDocument();
    expect(within(pending).getByText('pending review')).toBeInTheDocument();
    expect(within(pending).getByRole('link', { name: 'Conflict (open)' })).toHaveAttribute('href', '/conflicts/c1');
    const service = screen.getByTestId('effective-RETENTION-device.camera');
    expect(within(service).getByText('service policy')).toBeInTheDocument();
    expect(within(service).queryByText('pending review')).not.toBeInTheDocument();
    expect(within(service).getByRole('link', { name: 'lens-policy v1' })).toHaveAttribute('href', '/policies/lens-policy?version=1');
    expect(screen.getByText(/Effective policy as of 2026-11-29 10:00 UTC/)).toBeInTheDocument();
  });

  it('should ask for the instant in the URL', async () => {
    renderPage(<EffectivePolicyTab serviceKey="lens" />, {
      path: '/services/lens?tab=policy&at=2026-01-01T00:00:00.000Z',
      route: '/services/:key',
      mocks: [
        {
          request: { query: EffectivePolicyTabQuery, variables: { key: 'lens', at: '2026-01-01T00:00:00.000Z' } },
          result: { data: { effectivePolicy: { __typename: 'EffectivePolicy', at: '2026-01-01T00:00:00.000Z', clauses: [] } } },
        },
      ],
    });
    expect(await screen.findByText('No policy version is in force for this service at that instant.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to now' })).toBeInTheDocument();
  });
});
