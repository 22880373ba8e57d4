import { screen } from '@testing-library/react';
import { NewAssessmentPage, NewAssessmentQuery } from './NewAssessmentPage';
import { AssessmentPage, AssessmentPageQuery } from './AssessmentPage';
import { DraftAssessmentMutation } from './assessment-operations';
import { Route, Routes } from 'react-router';
import { engineer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';
import { assessmentRecord, QUESTIONS } from '../../testing/assessments';

allowTypingTime();
const WAIT = { timeout: 10_000 };

const questionnaire = (viewerCanEdit: boolean, tia = false) => ({
  request: { query: NewAssessmentQuery, variables: { kind: tia ? 'TIA' : 'DPIA', serviceKey: 'lens', arrangementId: tia ? 'sh1' : '', tia } },
  result: {
    data: {
      assessmentQuestionnaire: { __typename: 'AssessmentQuestionnaire' as const, kind: tia ? 'TIA' : 'DPIA', version: 1, questions: QUESTIONS.map((q) => ({ __typename: 'AssessmentQuestion' as const, ...q })) },
      service: { __typename: 'Service' as const, id: 's1', key: 'lens', name: 'Lens', viewerCanEdit },
      ...(tia
        ? {
            sharingArrangement: {
              __typename: 'SharingArrangement' as const,
              id: 'sh1',
              service: { __typename: 'Service' as const, id: 's1', key: 'lens' },
              processor: { __typename: 'Processor' as const, id: 'p1', key: 'voicely', name: 'Voicely Inc.' },
            },
          }
        : {}),
    },
  },
});

/** Both routes, so saving lands on the saved draft's page. */
const Pages = () => (
  <Routes>
    <Route path="/assessments/new" element={<NewAssessmentPage />} />
    <Route path="/assessments/:id" element={<AssessmentPage />} />
  </Routes>
);

describe('NewAssessmentPage', () => {
  it('should list every question blank and save nothing until the draft is saved, then open the saved draft', async () => {
    const saved = assessmentRecord({ answered: ['Voice and camera.', null, null] });
    const { user } = renderPage(<Pages />, {
      viewer: engineer,
      mocks: [
        questionnaire(true),
        {
          request: { query: DraftAssessmentMutation, variables: { input: { kind: 'DPIA', serviceKey: 'lens', answers: [{ questionId: QUESTIONS[0].id, answer: 'Voice and camera.' }], risks: [], reviewDueAt: null } } },
          result: { data: { draftAssessment: saved } },
        },
        { request: { query: AssessmentPageQuery, variables: { id: 'as1' } }, result: { data: { assessment: saved } }, maxUsageCount: 3 },
      ],
      path: '/assessments/new?kind=DPIA&service=lens',
      route: '/*',
    });
    expect(await screen.findByRole('heading', { name: 'New DPIA · Lens' }, WAIT)).toBeInTheDocument();
    for (const [i, q] of QUESTIONS.entries()) expect(screen.getByRole('textbox', { name: `${i + 1}. ${q.text}` })).toHaveValue('');
    await user.type(screen.getByRole('textbox', { name: `1. ${QUESTIONS[0].text}` }), 'Voice and camera.');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('The DPIA of Lens is saved as a draft.', undefined, WAIT)).toBeInTheDocument();
    expect(await screen.findByText(/written by Dana Officer/, undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: `1. ${QUESTIONS[0].text}` })).toHaveValue('Voice and camera.');
  });

  it('should name the arrangement a TIA assesses', async () => {
    renderPage(<Pages />, { mocks: [questionnaire(true, true)], path: '/assessments/new?kind=TIA&service=lens&arrangement=sh1', route: '/*' });
    expect(await screen.findByRole('heading', { name: 'New TIA · Lens → Voicely Inc.' }, WAIT)).toBeInTheDocument();
  });

  it('should tell who may not draft it why, with no form', async () => {
    renderPage(<Pages />, { viewer: engineer, mocks: [questionnaire(false)], path: '/assessments/new?kind=DPIA&service=lens', route: '/*' });
    expect(await screen.findByText('You may not draft this assessment', undefined, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
