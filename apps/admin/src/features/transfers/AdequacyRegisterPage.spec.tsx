import { screen, waitFor, within } from '@testing-library/react';
import { AdequacyRegisterPage, AdequacyRegisterQuery, SetAdequacyDecisionMutation } from './AdequacyRegisterPage';
import { engineer, officer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

/** The machine running the tests may be busy: the first answer can take a while. */
const WAIT = { timeout: 10_000 };

const entry = (country: string, over: Record<string, unknown> = {}) => ({
  __typename: 'AdequacyDecision' as const,
  country,
  validFrom: '2023-07-10T00:00:00.000Z',
  validUntil: null,
  scope: null,
  note: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const register = (at: string | null, decisions: ReturnType<typeof entry>[], uses = 5) => ({
  request: { query: AdequacyRegisterQuery, variables: { at } },
  result: { data: { adequacyDecisions: decisions } },
  maxUsageCount: uses,
});

const NOW = [entry('CH', { validFrom: '2000-07-26T00:00:00.000Z', note: 'Decision 2000/518/EC' }), entry('US', { scope: 'DPF_CERTIFIED', validFrom: '2026-02-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z' })];

const render = (mocks: unknown[], viewer = officer, path = '/transfers/adequacy') =>
  renderPage(<AdequacyRegisterPage />, { viewer, mocks: mocks as never[], path, route: '/transfers/adequacy' });

async function chooseCountry(user: ReturnType<typeof render>['user'], typed: string, code: string) {
  await user.type(screen.getByRole('combobox', { name: /^Country/ }), typed);
  await user.click(await screen.findByRole('option', { name: new RegExp(`^${code} · `) }));
}

allowTypingTime();
// Dates and a searched country typed key by key: slower than most forms.
jest.setTimeout(60_000);

describe('AdequacyRegisterPage', () => {
  it('should list the decisions in force with their country, dates, scope in words, note and when they were recorded', async () => {
    render([register(null, NOW)]);
    const table = await screen.findByRole('table', { name: 'Adequacy decisions' }, WAIT);
    const us = within(table).getByRole('row', { name: /United States/ });
    expect(within(us).getAllByRole('cell')[1]).toHaveTextContent('2026-02-01 00:00 UTC');
    expect(us).toHaveTextContent('no end');
    expect(us).toHaveTextContent('organisations certified under the EU-US Data Privacy Framework (certification DPF)');
    // Columns: country, from, until, scope, note, recorded, takes effect (the later of from and recorded, the domain's rule).
    expect(within(us).getAllByRole('cell')[5]).toHaveTextContent('2026-01-01 00:00 UTC');
    expect(within(us).getAllByRole('cell')[6]).toHaveTextContent('2026-02-01 00:00 UTC');
    const ch = within(table).getByRole('row', { name: /Switzerland/ });
    expect(ch).toHaveTextContent('the whole country');
    expect(ch).toHaveTextContent('Decision 2000/518/EC');
    expect(within(ch).getAllByRole('cell')[6]).toHaveTextContent('2026-01-01 00:00 UTC');
    expect(screen.getByText('2 decisions in force now')).toBeInTheDocument();
  });

  it('should ask the register as of the instant in the URL', async () => {
    render([register('2010-01-01T00:00:00.000Z', [entry('CH', { validFrom: '2000-07-26T00:00:00.000Z' })])], officer, '/transfers/adequacy?at=2010-01-01T00%3A00%3A00.000Z');
    expect(await screen.findByText('1 decision in force on 2010-01-01 00:00 UTC', undefined, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /United States/ })).not.toBeInTheDocument();
  });

  it('should offer adding an entry to officers only', async () => {
    render([register(null, NOW)], engineer);
    await screen.findByRole('table', { name: 'Adequacy decisions' }, WAIT);
    expect(screen.queryByRole('button', { name: 'Add an entry' })).not.toBeInTheDocument();
  });

  it("should say the domain's objections next to their fields, in words, and send nothing", async () => {
    const record = jest.fn();
    const { user } = render([register(null, NOW), { request: { query: SetAdequacyDecisionMutation, variables: () => true }, result: record }]);
    await user.click(await screen.findByRole('button', { name: 'Add an entry' }, WAIT));
    await user.click(screen.getByRole('button', { name: 'Review and record' }));
    expect(screen.getByRole('combobox', { name: /^Country/ })).toHaveAccessibleDescription(expect.stringContaining('Choose a country.'));
    expect(screen.getByText('Enter the date the decision applies from.')).toBeInTheDocument();
    await chooseCountry(user, 'Braz', 'BR');
    await user.type(screen.getByRole('textbox', { name: /^From \(UTC\)/ }), '2026-12-01');
    await user.type(screen.getByRole('textbox', { name: /^Until \(UTC\)/ }), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Review and record' }));
    expect(await screen.findByText('The end must not be before the start.', undefined, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(record).not.toHaveBeenCalled();
  });

  it('should confirm first, saying entries are never rewritten, then record the entry and say so', async () => {
    const record = jest.fn(() => ({ data: { setAdequacyDecision: entry('BR', { validFrom: '2026-12-01T00:00:00.000Z', note: 'C(2026) 1', recordedAt: '2026-11-30T10:00:00.000Z' }) } }));
    const input = { country: 'BR', validFrom: '2026-12-01T00:00:00.000Z', validUntil: null, scope: null, note: 'C(2026) 1' };
    const { user } = render([register(null, NOW), { request: { query: SetAdequacyDecisionMutation, variables: { input } }, result: record }]);
    await user.click(await screen.findByRole('button', { name: 'Add an entry' }, WAIT));
    await chooseCountry(user, 'Braz', 'BR');
    await user.type(screen.getByRole('textbox', { name: /^From \(UTC\)/ }), '2026-12-01');
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'C(2026) 1');
    await user.click(screen.getByRole('button', { name: 'Review and record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record this entry?' }, WAIT);
    expect(dialog).toHaveTextContent('BR · Brazil, the whole country, from 2026-12-01 00:00 UTC, with no end.');
    expect(dialog).toHaveTextContent('Entries are never rewritten or removed');
    expect(record).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Record the entry' }));
    await waitFor(() => expect(record).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('The entry for BR · Brazil is recorded.', undefined, WAIT)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add an entry' })).not.toBeInTheDocument());
  });

  it("should put the API's refusal of a field next to that field", async () => {
    const { user } = render([
      register(null, NOW),
      {
        request: { query: SetAdequacyDecisionMutation, variables: () => true },
        result: { errors: [{ message: 'note may have at most 500 characters', extensions: { code: 'BAD_USER_INPUT', argument: 'input.note' } }] },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Add an entry' }, WAIT));
    await chooseCountry(user, 'Braz', 'BR');
    await user.type(screen.getByRole('textbox', { name: /^From \(UTC\)/ }), '2026-12-01');
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'x');
    await user.click(screen.getByRole('button', { name: 'Review and record' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Record the entry' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Note/ })).toHaveAccessibleDescription(expect.stringContaining('Note may have at most 500 characters.')));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
