import { screen, waitFor, within } from '@testing-library/react';
import { AssessmentPage, AssessmentPageQuery } from './AssessmentPage';
import { ApproveAssessmentMutation, RecordPriorConsultationMutation, RejectAssessmentMutation, SaveAssessmentDraftMutation, SubmitAssessmentMutation } from './assessment-operations';
import { engineer, officer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';
import { assessmentRecord, OTHER_OFFICER, QUESTIONS, risk } from '../../testing/assessments';

allowTypingTime();
const WAIT = { timeout: 10_000 };
const DAY = 24 * 60 * 60 * 1000;

const page = (record: object, id = 'as1', uses = 3) => ({
  request: { query: AssessmentPageQuery, variables: { id } },
  result: { data: { assessment: record } },
  maxUsageCount: uses,
});

const render = (mocks: unknown[], viewer = officer, id = 'as1') => renderPage(<AssessmentPage />, { viewer, mocks: mocks as never[], path: `/assessments/${id}`, route: '/assessments/:id' });

describe('AssessmentPage', () => {
  it('should list every question of a draft, blank until answered, and say which are missing next to them on submit, asking nothing yet', async () => {
    const { user } = render([page(assessmentRecord({ answered: ['Voice and camera.', null, null] }))]);
    const first = await screen.findByRole('textbox', { name: `1. ${QUESTIONS[0].text}` }, WAIT);
    expect(first).toHaveValue('Voice and camera.');
    expect(screen.getByRole('textbox', { name: `2. ${QUESTIONS[1].text}` })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Submit for review…' }));
    expect(await screen.findByText('2 questions are still blank: each is marked below.')).toBeInTheDocument();
    for (const i of [1, 2]) {
      const field = screen.getByRole('textbox', { name: `${i + 1}. ${QUESTIONS[i].text}` });
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription('Answer this question: submitting needs every answer.');
    }
    expect(first).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/No review date is set/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('should save the changes into the same draft with the version read, then submit it with the new version after asking, and say so', async () => {
    const due = new Date(Date.now() + 60 * DAY).toISOString();
    const complete = ['Voice and camera.', 'Search.', 'Needed to search by voice.'];
    const saved = assessmentRecord({ version: 2, answered: complete, reviewDueAt: due, risks: [risk('LOW')] });
    const saveVariables = {
      input: {
        id: 'as1',
        expectedVersion: 1,
        answers: QUESTIONS.map((q, i) => ({ questionId: q.id, answer: complete[i] })),
        risks: [{ description: 'Voice recordings leak', likelihood: 'MEDIUM', severity: 'HIGH', mitigation: 'Encrypt at rest', residual: 'LOW' }],
        reviewDueAt: due,
      },
    };
    const { user } = render([
      page(assessmentRecord({ answered: ['Voice and camera.', 'Search.', null], reviewDueAt: due })),
      { request: { query: SaveAssessmentDraftMutation, variables: saveVariables }, result: { data: { saveAssessmentDraft: saved } } },
      { request: { query: SubmitAssessmentMutation, variables: { id: 'as1', expectedVersion: 2 } }, result: { data: { submitAssessment: { ...saved, status: 'IN_REVIEW', version: 3 } } } },
      page({ ...saved, status: 'IN_REVIEW', version: 3 }),
    ]);
    await user.type(await screen.findByRole('textbox', { name: `3. ${QUESTIONS[2].text}` }, WAIT), 'Needed to search by voice.');
    await user.click(screen.getByRole('button', { name: 'Add a risk' }));
    await user.type(screen.getByRole('textbox', { name: /^Risk 1/ }), 'Voice recordings leak');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'HIGH');
    await user.type(screen.getByRole('textbox', { name: /^Mitigation/ }), 'Encrypt at rest');
    await user.click(screen.getByRole('button', { name: 'Submit for review…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit the DPIA of Lens for review?' });
    expect(dialog).toHaveTextContent('Your changes are saved first.');
    await user.click(within(dialog).getByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByText('The DPIA of Lens is submitted: another privacy officer reviews it.', undefined, WAIT)).toBeInTheDocument();
    // The page now shows the submitted draft, which its author may no longer decide on.
    expect(await screen.findByTestId('author-may-not-decide', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByText('in review')).toBeInTheDocument();
  });

  it('should save a changed draft in place with saveAssessmentDraft, then save again against the new version', async () => {
    const input = (version: number, answer: string) => ({ input: { id: 'as1', expectedVersion: version, answers: [{ questionId: QUESTIONS[0].id, answer }], risks: [], reviewDueAt: null } });
    const { user } = render([
      page(assessmentRecord()),
      { request: { query: SaveAssessmentDraftMutation, variables: input(1, 'Voice.') }, result: { data: { saveAssessmentDraft: assessmentRecord({ version: 2, answered: ['Voice.', null, null] }) } } },
      { request: { query: SaveAssessmentDraftMutation, variables: input(2, 'Voice and camera.') }, result: { data: { saveAssessmentDraft: assessmentRecord({ version: 3, answered: ['Voice and camera.', null, null] }) } } },
    ]);
    const first = await screen.findByRole('textbox', { name: `1. ${QUESTIONS[0].text}` }, WAIT);
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    await user.type(first, 'Voice.');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('The DPIA of Lens is saved as a draft.', undefined, WAIT)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/version 2$/)).toBeInTheDocument(), WAIT);
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    await user.clear(screen.getByRole('textbox', { name: `1. ${QUESTIONS[0].text}` }));
    await user.type(screen.getByRole('textbox', { name: `1. ${QUESTIONS[0].text}` }), 'Voice and camera.');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(screen.getByText(/version 3$/)).toBeInTheDocument(), WAIT);
    expect(screen.getByRole('textbox', { name: `1. ${QUESTIONS[0].text}` })).toHaveValue('Voice and camera.');
  });

  it('should say that someone else changed the draft and reload it when the save meets a VERSION_CONFLICT', async () => {
    const theirs = assessmentRecord({ version: 2, answered: ['Their answer.', null, null] });
    const { user } = render([
      page(assessmentRecord(), 'as1', 1),
      {
        request: { query: SaveAssessmentDraftMutation, variables: { input: { id: 'as1', expectedVersion: 1, answers: [{ questionId: QUESTIONS[0].id, answer: 'Mine.' }], risks: [], reviewDueAt: null } } },
        result: { errors: [{ message: 'Assessment as1 is at version 2, not 1.', extensions: { code: 'VERSION_CONFLICT' } }] },
      },
      page(theirs),
    ]);
    await user.type(await screen.findByRole('textbox', { name: `1. ${QUESTIONS[0].text}` }, WAIT), 'Mine.');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/Someone else changed this draft while you were editing it/, undefined, WAIT)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: `1. ${QUESTIONS[0].text}` })).toHaveValue('Their answer.'), WAIT);
    expect(screen.getByText(/version 2$/)).toBeInTheDocument();
    // The editor starts again from what is saved: nothing of the refused change is left to save.
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
  });

  it('should add and remove risks, and refuse a risk without a mitigation next to its field', async () => {
    const { user } = render([page(assessmentRecord({ risks: [risk('LOW', 'First'), risk('LOW', 'Second')] }))]);
    await screen.findByRole('region', { name: 'Risk 2' }, WAIT);
    await user.click(screen.getByRole('button', { name: 'Remove risk 1' }));
    expect(screen.queryByRole('region', { name: 'Risk 2' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Risk 1/ })).toHaveValue('Second');
    await user.clear(screen.getByRole('textbox', { name: /^Mitigation/ }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(screen.getByRole('textbox', { name: /^Mitigation/ })).toHaveAccessibleDescription('Mitigation must not be blank.');
  });

  it('should tell the author why they may not decide, instead of offering approve or reject', async () => {
    render([page(assessmentRecord({ status: 'IN_REVIEW', version: 2 }))]);
    expect(await screen.findByTestId('author-may-not-decide', undefined, WAIT)).toHaveTextContent('Another privacy officer must approve or reject it');
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    // Submitted: the answers can only be read.
    expect(screen.queryByRole('form', { name: 'Edit the assessment' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Not answered yet.')).toHaveLength(3);
  });

  it('should let another officer approve with the version read, after asking, and say it worked', async () => {
    const record = assessmentRecord({ status: 'IN_REVIEW', version: 4 });
    const approved = { ...record, status: 'APPROVED', version: 5, approvals: [{ __typename: 'SharingApproval' as const, at: '2026-11-30T10:00:00.000Z', comment: null, approver: OTHER_OFFICER }] };
    const { user } = render(
      [
        page(record),
        { request: { query: ApproveAssessmentMutation, variables: { input: { id: 'as1', expectedVersion: 4 } } }, result: { data: { approveAssessment: approved } } },
      ],
      { ...officer, id: 'u-dpo2', email: 'dpo2@canopy.demo' },
    );
    await user.click(await screen.findByRole('button', { name: 'Approve' }, WAIT));
    const dialog = await screen.findByRole('dialog', { name: 'Approve the DPIA of Lens?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.getAllByText('The DPIA of Lens is approved.').length).toBeGreaterThan(0), WAIT);
    expect(await screen.findByText(/Approved by Omar Officer/)).toBeInTheDocument();
  });

  it('should require a reason to reject, next to its field', async () => {
    const { user } = render(
      [
        page(assessmentRecord({ status: 'IN_REVIEW', version: 2 })),
        {
          request: { query: RejectAssessmentMutation, variables: { input: { id: 'as1', expectedVersion: 2, comment: 'Risks are missing.' } } },
          result: { data: { rejectAssessment: assessmentRecord({ status: 'REJECTED', version: 3, decisionComment: 'Risks are missing.' }) } },
        },
      ],
      { ...officer, id: 'u-dpo2' },
    );
    await user.click(await screen.findByRole('button', { name: 'Reject' }, WAIT));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the DPIA of Lens?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    const reason = within(dialog).getByLabelText(/Reason/);
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Give a reason to reject'));
    await user.type(reason, 'Risks are missing.');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(screen.getAllByText('The DPIA of Lens is rejected.').length).toBeGreaterThan(0), WAIT);
  });

  it('should block approval on a HIGH residual risk until the prior consultation is recorded, and record it', async () => {
    const record = assessmentRecord({ status: 'IN_REVIEW', version: 2, risks: [risk('HIGH')] });
    const consulted = { ...record, version: 3, priorConsultation: { __typename: 'PriorConsultation' as const, authority: 'CNIL', consultedAt: '2026-11-02T09:00:00.000Z', outcome: 'Proceed with logging.' } };
    const { user } = render(
      [
        page(record, 'as1', 1),
        {
          request: { query: RecordPriorConsultationMutation, variables: { id: 'as1', authority: 'CNIL', consultedAt: '2026-11-02T09:00:00.000Z', outcome: 'Proceed with logging.' } },
          result: { data: { recordPriorConsultation: consulted } },
        },
        page(consulted),
      ],
      { ...officer, id: 'u-dpo2' },
    );
    expect(await screen.findByRole('button', { name: 'Approve' }, WAIT)).toBeDisabled();
    expect(screen.getByText(/One risk remains HIGH once mitigated: record the prior consultation/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Prior consultation' });
    await user.click(within(form).getByRole('button', { name: 'Record the consultation' }));
    expect(within(form).getByRole('textbox', { name: /^Supervisory authority/ })).toHaveAccessibleDescription('Name the supervisory authority consulted.');
    await user.type(within(form).getByRole('textbox', { name: /^Supervisory authority/ }), 'CNIL');
    await user.type(within(form).getByRole('textbox', { name: /^Consulted on/ }), '2026-11-02 09:00');
    await user.tab();
    await user.type(within(form).getByRole('textbox', { name: /^Outcome/ }), 'Proceed with logging.');
    await user.click(within(form).getByRole('button', { name: 'Record the consultation' }));
    expect(await screen.findByText('The consultation of CNIL is recorded.', undefined, WAIT)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled(), WAIT);
    expect(screen.getByText(/Prior consultation: CNIL on 2026-11-02 09:00 UTC/)).toBeInTheDocument();
  });

  it('should say why an approval no longer counts when it is STALE', async () => {
    render([page(assessmentRecord({ status: 'STALE', statusReason: 'Lens now collects user.biometric, which it did not assess.' }))], engineer);
    expect(await screen.findByTestId('derived-status', undefined, WAIT)).toHaveTextContent('Stale: what it assessed has changed');
    expect(screen.getByTestId('derived-status')).toHaveTextContent('Lens now collects user.biometric, which it did not assess.');
  });

  it('should show an engineer no decision controls', async () => {
    render([page(assessmentRecord({ status: 'IN_REVIEW', version: 2, service: { __typename: 'Service', id: 's1', key: 'lens', name: 'Lens', viewerCanEdit: false } }))], engineer);
    expect(await screen.findByText("Awaiting a privacy officer's decision.", undefined, WAIT)).toBeInTheDocument();
    for (const name of ['Approve', 'Reject', 'Submit for review…', 'Save draft']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });
});
