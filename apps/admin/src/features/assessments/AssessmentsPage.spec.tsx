import { screen, within } from '@testing-library/react';
import { AssessmentQueueQuery, AssessmentsPage } from './AssessmentsPage';
import { auditor, renderPage } from '../../testing/render';
import { AUTHOR } from '../../testing/assessments';

const WAIT = { timeout: 10_000 };

const row = (id: string, kind: string, status: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Assessment' as const,
  id,
  kind,
  status,
  statusReason: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  submittedAt: null,
  reviewDueAt: null,
  author: AUTHOR,
  service: { __typename: 'Service' as const, id: 's1', key: 'lens', name: 'Lens' },
  sharingArrangement: null,
  ...over,
});

const ROWS = [
  row('a-approved', 'DPIA', 'APPROVED', { reviewDueAt: '2027-06-01T00:00:00.000Z' }),
  row('a-draft', 'DPIA', 'DRAFT'),
  row('a-review', 'TIA', 'IN_REVIEW', {
    submittedAt: '2026-11-28T10:00:00.000Z',
    sharingArrangement: { __typename: 'SharingArrangement' as const, id: 'sh1', processor: { __typename: 'Processor' as const, id: 'p1', key: 'voicely', name: 'Voicely Inc.' } },
  }),
  row('a-stale', 'DPIA', 'STALE', { statusReason: 'Lens now collects user.biometric, which it did not assess.' }),
];

const queue = (variables: { status: string | null; kind: string | null }, rows: unknown[]) => ({
  request: { query: AssessmentQueueQuery, variables },
  result: { data: { assessments: rows } },
  maxUsageCount: 3,
});

describe('AssessmentsPage', () => {
  it('should list the assessments awaiting review first, each linking to its page, with why one is stale', async () => {
    renderPage(<AssessmentsPage />, { viewer: auditor, mocks: [queue({ status: null, kind: null }, ROWS)], path: '/assessments', route: '/assessments' });
    const table = await screen.findByRole('table', undefined, WAIT);
    await within(table).findByText('TIA · Lens → Voicely Inc.', undefined, WAIT);
    const links = within(table).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/assessments/a-review', '/assessments/a-draft', '/assessments/a-approved', '/assessments/a-stale']);
    expect(within(table).getByRole('link', { name: 'Open the TIA of Lens → Voicely Inc.' })).toBeInTheDocument();
    expect(within(table).getByText('Lens now collects user.biometric, which it did not assess.')).toBeInTheDocument();
    expect(screen.getByText('4 assessments, awaiting review first')).toBeInTheDocument();
  });

  it('should ask the API for the status and kind chosen in the address', async () => {
    renderPage(<AssessmentsPage />, {
      mocks: [queue({ status: 'IN_REVIEW', kind: 'TIA' }, [ROWS[2]])],
      path: '/assessments?status=IN_REVIEW&kind=TIA',
      route: '/assessments',
    });
    expect(await screen.findByText('1 assessment in review (TIA), awaiting review first', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('in review');
    expect(screen.getByRole('combobox', { name: 'Kind' })).toHaveValue('TIA');
  });

  it('should say when nothing awaits review', async () => {
    renderPage(<AssessmentsPage />, { mocks: [queue({ status: 'IN_REVIEW', kind: null }, [])], path: '/assessments?status=IN_REVIEW', route: '/assessments' });
    expect(await screen.findByText('No assessment awaits review.', undefined, WAIT)).toBeInTheDocument();
  });
});
