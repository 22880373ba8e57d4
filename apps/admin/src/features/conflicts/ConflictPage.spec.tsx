import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EffectivePolicyTabQuery } from '../services/EffectivePolicyTab';
import { ConflictPage, ConflictPageQuery } from './ConflictPage';
import { auditor, officer, renderPage } from '../../testing/render';

const clause = (topic: string, subject: string, value: string, text: string | null = null) => ({ __typename: 'PolicyClause' as const, topic, subject, value, locked: false, text });
const version = (number: number, clauses: ReturnType<typeof clause>[], notice: unknown = null) => ({
  __typename: 'PolicyVersion' as const,
  id: `v${number}`,
  number,
  effectiveAt: '2026-11-01T00:00:00.000Z',
  notice,
  clauses,
});

const GLOBAL_CLAUSES = [clause('COMMUNICATION', '*', 'OPT_IN', 'We contact you only with your consent.'), clause('AMENDMENT', 'notice_days', '45')];
const SERVICE_CLAUSES = [clause('COMMUNICATION', 'marketing.email', 'OPT_OUT', 'Newsletters unless you opt out.')];

const conflict = (over: Record<string, unknown> = {}) => ({
  __typename: 'PolicyConflict' as const,
  id: 'c1',
  carriedFromId: null,
  governedCategories: [],
  topic: 'COMMUNICATION',
  subject: 'marketing.email',
  globalValue: 'OPT_IN',
  serviceValue: 'OPT_OUT',
  globalPolicyVersion: 2,
  servicePolicyVersion: 1,
  status: 'OPEN',
  viewerCanResolve: true,
  resolution: null,
  rationale: null,
  resolvedAt: null,
  createdAt: '2026-11-02T00:00:00.000Z',
  takesEffectAt: null,
  resolvedBy: null,
  service: {
    __typename: 'Service' as const,
    id: 's1',
    key: 'news',
    name: 'News',
    team: { __typename: 'Team' as const, id: 't1', key: 'media' },
    policy: { __typename: 'Policy' as const, id: 'p2', key: 'news-policy', title: 'News policy', versions: [version(1, SERVICE_CLAUSES)] },
  },
  ...over,
});

const mocks = (c: ReturnType<typeof conflict>, nowClauses: unknown[] = []) => [
  {
    request: { query: ConflictPageQuery, variables: { id: 'c1' } },
    result: {
      data: {
        conflict: c,
        policies: [{ __typename: 'Policy' as const, id: 'p1', key: 'general', title: 'General policy', currentVersion: { __typename: 'PolicyVersion' as const, id: 'v2', number: 2 }, versions: [version(2, GLOBAL_CLAUSES)] }],
      },
    },
  },
  {
    request: { query: EffectivePolicyTabQuery, variables: { key: 'news', at: null } },
    result: { data: { effectivePolicy: { __typename: 'EffectivePolicy' as const, at: '2026-11-29T00:00:00.000Z', clauses: nowClauses } } },
  },
];

/** What the service's effective policy gives now for the clause, from version 1 of `policyKey`. */
const effectiveClause = (topic: string, subject: string, value: string, policyKey: string) => ({
  __typename: 'EffectiveClause' as const,
  ...{ topic, subject, value, policyKey, policyVersion: 1 },
  source: policyKey === 'general' ? 'GLOBAL' : 'SERVICE',
  pendingReview: false,
  explanation: `${policyKey} v1 applies.`,
  conflict: null,
});

const render = (c = conflict(), viewer = officer, nowClauses: unknown[] = []) =>
  renderPage(<ConflictPage />, { viewer, mocks: mocks(c, nowClauses), path: '/conflicts/c1', route: '/conflicts/:id' });

describe('ConflictPage', () => {
  it('should show the global COMMUNICATION * clause as the one that applies to the channel, with its text', async () => {
    // Regression: the console's own look-up matched COMMUNICATION subjects exactly and missed the domain's `*`.
    render();
    const global = await screen.findByRole('generic', { name: 'Global clause' });
    expect(within(global).getByText('*')).toBeInTheDocument();
    expect(within(global).getByText('“We contact you only with your consent.”')).toBeInTheDocument();
    const service = screen.getByRole('generic', { name: 'Service clause' });
    expect(within(service).getByText('marketing.email')).toBeInTheDocument();
  });

  it('should offer the resolution form when the API says the viewer may resolve, with the notice period of the global policy in force', async () => {
    render();
    expect(await screen.findByRole('form', { name: 'Resolve conflict' })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(/Service policy prevails/));
    expect(screen.getByTestId('notice-reminder')).toHaveTextContent('45 days ahead');
  });

  it('should not offer the form when the API says the viewer may not, and say who decides', async () => {
    render(conflict({ viewerCanResolve: false }), auditor);
    expect(await screen.findByText(/A privacy officer decides which policy prevails/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Resolve conflict' })).not.toBeInTheDocument();
  });

  it('should follow the API even for an officer: no form on a conflict it may not resolve', async () => {
    render(conflict({ viewerCanResolve: false, status: 'SUPERSEDED' }), officer);
    expect(await screen.findByText('Superseded')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Resolve conflict' })).not.toBeInTheDocument();
    expect(screen.queryByText(/A privacy officer decides/)).not.toBeInTheDocument();
  });

  it('should say when a conflict against a version not yet in force takes effect, and name what applies until then', async () => {
    const applies = effectiveClause('COMMUNICATION', 'marketing.email', 'OPT_OUT', 'news-policy');
    render(conflict({ takesEffectAt: '2027-01-15T00:00:00.000Z' }), officer, [applies]);
    const banner = await screen.findByTestId('takes-effect');
    expect(banner).toHaveTextContent('Takes effect on 2027-01-15 00:00 UTC');
    expect(await screen.findByLabelText('Global policy prevails: from 2027-01-15 OPT_IN applies (until then OPT_OUT applies, as now)')).toBeInTheDocument();
  });

  it('should give numbers their unit: the clauses, what applies now and the options', async () => {
    const retention = conflict({ topic: 'RETENTION', subject: 'device.log', globalValue: '180', serviceValue: '365', takesEffectAt: '2027-01-15T00:00:00.000Z' });
    const applies = {
      ...effectiveClause('RETENTION', 'device.log', '90', 'general'),
      explanation: 'RETENTION device.log = 90 from global policy general v1; pending review of conflict 6eaa64b8-c23b-4c45-b315-50a05166dc1c, the global value applies for now',
    };
    render(retention, officer, [applies]);
    expect(within(await screen.findByRole('generic', { name: 'Global clause' })).getByText('180 days')).toBeInTheDocument();
    expect(within(screen.getByRole('generic', { name: 'Service clause' })).getByText('365 days')).toBeInTheDocument();
    expect(await within(screen.getByRole('generic', { name: 'What applies now' })).findByText('90 days')).toBeInTheDocument();
    expect(screen.getByTestId('takes-effect')).toHaveTextContent('Until then 90 days applies');
    // On its own page the conflict is "this conflict", not its id.
    expect(screen.getByRole('generic', { name: 'What applies now' })).toHaveTextContent('pending review of this conflict, the global value applies for now.');
    expect(screen.getByLabelText('Service policy prevails: from 2027-01-15 365 days applies to News (until then 90 days applies, as now)')).toBeInTheDocument();
  });
});
