import { screen, waitFor, within } from '@testing-library/react';
import { AssessmentPage, AssessmentPageQuery } from './AssessmentPage';
import { ApproveAssessmentMutation, DraftAssessmentMutation, RecordPriorConsultationMutation, RejectAssessmentMutation, SubmitAssessmentMutation } from './assessment-operations';
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

  it('should save the changes as a draft, then submit that draft with its version after asking, and say so', async () => {
    const due = new Date(Date.now() + 60 * DAY).toISOString();
    const complete = ['Voice and camera.', 'Search.', 'Needed to search by voice.'];
    const saved = assessmentRecord({ id: 'as2', answered: complete, reviewDueAt: due, risks: [risk('LOW')] });
    const draftVariables = {
      input: {
        kind: 'DPIA',
        serviceKey: 'lens',
        answers: QUESTIONS.map((q, i) => ({ questionId: q.id, answer: complete[i] })),
        risks: [{ description: 'Voice recordings leak', likelihood: 'MEDIUM', severity: 'HIGH', mitigation: 'Encrypt at rest', residual: 'LOW' }],
        reviewDueAt: due,
      },
    };
    const { user } = render([
      page(assessmentRecord({ answered: ['Voice and camera.', 'Search.', null], reviewDueAt: due })),
      { request: { query: DraftAssessmentMutation, variables: draftVariables }, result: { data: { draftAssessment: saved } } },
      { request: { query: SubmitAssessmentMutation, variables: { id: 'as2', expectedVersion: 1 } }, result: { data: { submitAssessment: { ...saved, status: 'IN_REVIEW', version: 2 } } } },
      page({ ...saved, status: 'IN_REVIEW', version: 2 }, 'as2'),
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
