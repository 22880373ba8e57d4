import { screen, waitFor, within } from '@testing-library/react';
import { EnforceAssessmentsMutation, OrganisationPage, OrganisationQuery, SetOrganisationProfileMutation } from './OrganisationPage';
import { auditor, officer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

/** The machine running the tests may be busy: the first answer can take a while. */
const WAIT = { timeout: 10_000 };

const EMPTY = { legalName: null, address: null, contactEmail: null, dpoName: null, dpoEmail: null, euRepresentative: null, validFrom: null };
const PROFILE = { legalName: 'Canopy Demo GmbH', address: 'Hauptstr. 1\n10115 Berlin', contactEmail: 'privacy@canopy.demo', dpoName: 'Dana Officer', dpoEmail: null, euRepresentative: null, validFrom: '2026-11-01T09:00:00.000Z' };

const organisation = (profile: Record<string, unknown>, from: string | null, uses = 5) => ({
  request: { query: OrganisationQuery },
  result: { data: { organisationProfile: { __typename: 'OrganisationProfile' as const, ...profile }, assessmentEnforcement: { __typename: 'AssessmentEnforcement' as const, from } } },
  maxUsageCount: uses,
});

const render = (mocks: unknown[], viewer = officer) => renderPage(<OrganisationPage />, { viewer, mocks: mocks as never[] });

allowTypingTime();
jest.setTimeout(60_000);

describe('OrganisationPage', () => {
  it("should show the controller's identity, what is not recorded, and that enforcement is off", async () => {
    render([organisation(PROFILE, null)], auditor);
    const table = await screen.findByRole('table', { name: 'Organisation profile' }, WAIT);
    expect(within(table).getByRole('row', { name: /Legal name/ })).toHaveTextContent('Canopy Demo GmbH');
    expect(within(table).getByRole('row', { name: /EU representative/ })).toHaveTextContent('not recorded');
    expect(screen.getByText(/In force since 2026-11-01 09:00 UTC/)).toBeInTheDocument();
    expect(screen.getByTestId('enforcement-state')).toHaveTextContent('Not enforced: the assessment and transfer checks are informative and their findings are LOW.');
    expect(screen.queryByRole('button', { name: 'Edit the profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enforce…' })).not.toBeInTheDocument();
  });

  it('should check the profile before saving it, then save it and say so', async () => {
    const save = jest.fn(() => ({ data: { setOrganisationProfile: { __typename: 'OrganisationProfile', ...PROFILE, dpoName: null, address: 'Hauptstr. 1' } } }));
    const input = { legalName: 'Canopy Demo GmbH', address: 'Hauptstr. 1', contactEmail: 'privacy@canopy.demo', dpoName: null, dpoEmail: null, euRepresentative: null };
    const { user } = render([organisation(EMPTY, null), { request: { query: SetOrganisationProfileMutation, variables: { input } }, result: save }]);
    expect(await screen.findByText(/No profile is recorded yet/, undefined, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit the profile' }));
    await user.type(screen.getByRole('textbox', { name: /^Contact e-mail/ }), 'privacy');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByText("Enter the organisation's legal name.")).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Contact e-mail/ })).toHaveAccessibleDescription(expect.stringContaining('Enter an e-mail address, e.g. privacy@example.com.'));
    expect(save).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: /^Legal name/ }), 'Canopy Demo GmbH');
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), 'Hauptstr. 1');
    await user.type(screen.getByRole('textbox', { name: /^Contact e-mail/ }), '@canopy.demo');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("The organisation's profile is saved.", undefined, WAIT)).toBeInTheDocument();
  });

  it('should ask before enforcing, then enforce from the instant and say from when', async () => {
    const enforce = jest.fn(() => ({ data: { enforceAssessmentsFrom: { __typename: 'AssessmentEnforcement', from: '2027-01-01T00:00:00.000Z' } } }));
    const { user } = render([organisation(PROFILE, null), { request: { query: EnforceAssessmentsMutation, variables: { from: '2027-01-01T00:00:00.000Z' } }, result: enforce }]);
    await user.click(await screen.findByRole('button', { name: 'Enforce…' }, WAIT));
    expect(screen.getByText('Enter the instant enforcement starts.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Enforce from \(UTC\)/ }), '2027-01-01');
    await user.click(screen.getByRole('button', { name: 'Enforce…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enforce the assessment rules?' }, WAIT);
    expect(dialog).toHaveTextContent('From 2027-01-01 00:00 UTC (or now, if that is earlier)');
    expect(enforce).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Enforce' }));
    await waitFor(() => expect(enforce).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('The assessment rules are enforced from 2027-01-01 00:00 UTC.', undefined, WAIT)).toBeInTheDocument();
  });

  it('should show enforcement in force and offer no way to change it', async () => {
    render([organisation(PROFILE, '2026-01-01T00:00:00.000Z')]);
    expect(await screen.findByTestId('enforcement-state', undefined, WAIT)).toHaveTextContent('Enforced since 2026-01-01 00:00 UTC.');
    expect(screen.queryByRole('button', { name: 'Enforce…' })).not.toBeInTheDocument();
  });
});
