/** An assessment as the API answers it, for the pages' specs. */
const user = (id: string, email: string, name: string) => ({ __typename: 'User' as const, id, email, name });

export const QUESTIONS = [
  { id: 'processing.nature', text: 'What personal data does the service collect?' },
  { id: 'processing.purposes', text: 'What is the data used for?' },
  { id: 'necessity.proportionality', text: 'Why is each kind of data needed?' },
];

export const AUTHOR = user('u-dpo', 'dpo@canopy.demo', 'Dana Officer');
export const OTHER_OFFICER = user('u-dpo2', 'dpo2@canopy.demo', 'Omar Officer');

type Risk = { description: string; likelihood: string; severity: string; mitigation: string; residual: string };

export function assessmentRecord(over: Record<string, unknown> & { answered?: (string | null)[]; risks?: Risk[] } = {}) {
  const { answered = QUESTIONS.map(() => null), risks = [], ...rest } = over;
  return {
    __typename: 'Assessment' as const,
    id: 'as1',
    kind: 'DPIA',
    status: 'DRAFT',
    statusReason: null,
    version: 1,
    questionnaireVersion: 1,
    createdAt: '2026-11-20T10:00:00.000Z',
    submittedAt: null,
    decidedAt: null,
    decisionComment: null,
    reviewDueAt: null,
    assessedCategories: [],
    answers: QUESTIONS.map((q, i) => ({ __typename: 'AssessmentAnswer' as const, questionId: q.id, question: q.text, answer: answered[i] ?? null })),
    risks: risks.map((r) => ({ __typename: 'AssessmentRisk' as const, ...r })),
    priorConsultation: null,
    author: AUTHOR,
    approvals: [],
    service: { __typename: 'Service' as const, id: 's1', key: 'lens', name: 'Lens', viewerCanEdit: true },
    sharingArrangement: null,
    ...rest,
  };
}

export const risk = (residual: string, description = 'Voice recordings leak'): Risk => ({ description, likelihood: 'MEDIUM', severity: 'HIGH', mitigation: 'Encrypt at rest', residual });
