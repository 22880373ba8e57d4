import { screen } from '@testing-library/react';
import { ProcessorsPage, ProcessorsPageQuery } from './ProcessorsPage';
import { renderPage } from '../../testing/render';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const processor = (key: string, dpaSignedAt: string | null, dpaExpiresAt: string | null) => ({
  __typename: 'Processor' as const,
  id: key,
  key,
  name: key.toUpperCase(),
  country: 'DE',
  dpaSignedAt,
  dpaExpiresAt,
  certifications: [],
  sharingArrangements: [],
});

describe('ProcessorsPage', () => {
  it('should show each DPA as valid, expiring within 30 days, expired or none', async () => {
    renderPage(<ProcessorsPage />, {
      mocks: [
        {
          request: { query: ProcessorsPageQuery },
          result: {
            data: {
              processors: [
                processor('valid', inDays(-100), inDays(200)),
                processor('soon', inDays(-300), inDays(10)),
                processor('gone', inDays(-400), inDays(-1)),
                processor('none', null, null),
              ],
            },
          },
        },
      ],
    });
    await screen.findByText('VALID');
    const state = (name: string) => screen.getByText(name).closest('tr')!.querySelector('[data-dpa]')!;
    expect(state('VALID').getAttribute('data-dpa')).toBe('VALID');
    expect(state('SOON').getAttribute('data-dpa')).toBe('EXPIRING');
    expect(state('SOON')).toHaveTextContent(/Expires in 10 days/);
    expect(state('GONE').getAttribute('data-dpa')).toBe('EXPIRED');
    expect(state('NONE')).toHaveTextContent('No DPA signed');
  });

  it('should say so when there is no processor', async () => {
    renderPage(<ProcessorsPage />, { mocks: [{ request: { query: ProcessorsPageQuery }, result: { data: { processors: [] } } }] });
    expect(await screen.findByText('No processor is registered yet.')).toBeInTheDocument();
  });

  it('should show a loading failure in words', async () => {
    renderPage(<ProcessorsPage />, {
      mocks: [{ request: { query: ProcessorsPageQuery }, result: { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] } }],
    });
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
  });
});
