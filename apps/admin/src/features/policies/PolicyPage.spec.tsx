import { screen } from '@testing-library/react';
import { PolicyPage, PolicyPageQuery } from './PolicyPage';
import { engineer, officer, renderPage } from '../../testing/render';

const clause = (topic: string, subject: string, value: string) => ({ __typename: 'PolicyClause' as const, topic, subject, value, locked: false, text: null });

const impact = {
  __typename: 'PolicyImpact' as const,
  servicesAffected: 0,
  noticeRequired: true,
  noticeDays: 30,
  noticeExplanation: 'this version reduces users’ rights',
  earliestEffectiveAt: '2026-12-29T00:00:00.000Z',
  conflictsOpening: [],
  conflictsSuperseded: [],
  lockedOverrides: [],
  services: [],
};

const version = (number: number, status: 'DRAFT' | 'PUBLISHED', clauses: ReturnType<typeof clause>[]) => ({
  __typename: 'PolicyVersion' as const,
  id: `v${number}`,
  number,
  status,
  effectiveAt: status === 'PUBLISHED' ? '2026-01-01T00:00:00.000Z' : null,
  inForceFrom: status === 'PUBLISHED' ? '2026-01-01T00:00:00.000Z' : null,
  publishedAt: status === 'PUBLISHED' ? '2026-01-01T00:00:00.000Z' : null,
  materialReduction: status === 'DRAFT',
  weakenedSubjects: status === 'DRAFT' ? ['RETENTION device.log'] : [],
  publishedBy: null,
  notice: null,
  clauses,
  changes: [],
});

/** The global policy `general` with a draft v2 that reduces rights; `inForce` are the clauses of v1, in force now. */
const data = (inForce: ReturnType<typeof clause>[], viewer: { viewerCanDraft: boolean; viewerCanPublish: boolean }) => {
  const v1 = version(1, 'PUBLISHED', inForce);
  return {
    policy: {
      __typename: 'Policy' as const,
      id: 'p1',
      key: 'general',
      title: 'General policy',
      scope: 'GLOBAL',
      ...viewer,
      service: null,
      currentVersion: { __typename: 'PolicyVersion' as const, id: 'v1', number: 1 },
      draft: { __typename: 'PolicyVersion' as const, id: 'v2', number: 2, impact },
      versions: [v1, version(2, 'DRAFT', [clause('RETENTION', 'device.log', '365')])],
    },
    globalPolicies: [{ __typename: 'Policy' as const, id: 'p1', key: 'general', currentVersion: { __typename: 'PolicyVersion' as const, id: 'v1', number: 1, clauses: inForce } }],
  };
};

const OFFICER = { viewerCanDraft: true, viewerCanPublish: true };
const render = (inForce: ReturnType<typeof clause>[], viewer = OFFICER, as = officer) =>
  renderPage(<PolicyPage />, {
    viewer: as,
    mocks: [{ request: { query: PolicyPageQuery, variables: { key: 'general' } }, result: { data: data(inForce, viewer) } }],
    path: '/policies/general?version=2',
    route: '/policies/:key',
  });

describe('PolicyPage', () => {
  it('should credit the default notice period when the global policy in force has no AMENDMENT clause', async () => {
    // Regression: the page credited the AMENDMENT clause whenever the draft had an impact preview.
    render([clause('RETENTION', '*', '180')]);
    const requirement = await screen.findByTestId('notice-requirement');
    expect(requirement).toHaveTextContent('at least 30 days before it takes effect (the default, as the global policy in force has no AMENDMENT notice_days clause)');
    expect(requirement).not.toHaveTextContent('AMENDMENT notice_days clause in force now');
  });

  it("should credit the global policy's AMENDMENT clause, with its number of days, when there is one", async () => {
    render([clause('RETENTION', '*', '180'), clause('AMENDMENT', 'notice_days', '45')]);
    const requirement = await screen.findByTestId('notice-requirement');
    expect(requirement).toHaveTextContent("at least 45 days before it takes effect (the global policy's AMENDMENT notice_days clause in force now)");
  });

  it('should offer drafting and publishing as the API allows the viewer', async () => {
    render([], OFFICER);
    expect(await screen.findByRole('button', { name: 'Edit draft v2' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Publish' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Discard draft v2' })).toBeInTheDocument();
  });

  it('should offer neither to a viewer the API allows neither, and say who publishes', async () => {
    render([], { viewerCanDraft: false, viewerCanPublish: false }, engineer);
    expect(await screen.findByText('A privacy officer publishes drafts.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit draft v2' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Publish' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Discard draft v2' })).not.toBeInTheDocument();
  });
});
