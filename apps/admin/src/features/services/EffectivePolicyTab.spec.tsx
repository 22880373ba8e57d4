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
    expect(screen.getByText(/in force on 2026-11-29 10:00 UTC/)).toBeInTheDocument();
  });

  it('should ask for the instant it is given', async () => {
    renderPage(<EffectivePolicyTab serviceKey="lens" at="2026-01-01T00:00:00.000Z" />, {
      mocks: [
        {
          request: { query: EffectivePolicyTabQuery, variables: { key: 'lens', at: '2026-01-01T00:00:00.000Z' } },
          result: { data: { effectivePolicy: { __typename: 'EffectivePolicy', at: '2026-01-01T00:00:00.000Z', clauses: [] } } },
        },
      ],
    });
    expect(await screen.findByText('No policy version is in force for this service at that instant.')).toBeInTheDocument();
  });

  it('should never link a clause pending review at a past instant to "Conflict (resolved)", and link the conflict its explanation names', async () => {
    const id = 'e27435d3-e51f-445a-9984-0e3aa3c70ea9';
    renderPage(<EffectivePolicyTab serviceKey="lens" at="2026-01-01T00:00:00.000Z" />, {
      mocks: [
        {
          request: { query: EffectivePolicyTabQuery, variables: { key: 'lens', at: '2026-01-01T00:00:00.000Z' } },
          result: {
            data: {
              effectivePolicy: {
                __typename: 'EffectivePolicy',
                at: '2026-01-01T00:00:00.000Z',
                clauses: [
                  clause({
                    pendingReview: true,
                    conflict: { __typename: 'PolicyConflict', id, status: 'RESOLVED' },
                    explanation: `RETENTION device.log = 180 from global policy general v1; pending review of conflict ${id}, the global value applies for now`,
                  }),
                ],
              },
            },
          },
        },
      ],
    });
    const row = await screen.findByTestId('effective-RETENTION-device.log');
    expect(within(row).getByText('pending review')).toBeInTheDocument();
    expect(within(row).queryByRole('link', { name: 'Conflict (resolved)' })).not.toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Conflict (open then, resolved since)' })).toHaveAttribute('href', `/conflicts/${id}`);
    // The explanation names the conflict by a link, not by its id.
    expect(row).not.toHaveTextContent(id);
    expect(within(row).getByRole('link', { name: 'conflict' })).toHaveAttribute('href', `/conflicts/${id}`);
  });
});
