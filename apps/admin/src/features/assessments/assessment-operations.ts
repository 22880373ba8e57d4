import { graphql } from '../../gql';

/** Everything the assessment page shows and every mutation returns, so the cache shows the new state at once. */
export const AssessmentDetail_assessment = graphql(`
  fragment AssessmentDetail_assessment on Assessment {
    id
    kind
    status
    statusReason
    version
    questionnaireVersion
    createdAt
    submittedAt
    decidedAt
    decisionComment
    reviewDueAt
    assessedCategories
    answers { questionId question answer }
    risks { description likelihood severity mitigation residual }
    priorConsultation { authority consultedAt outcome }
    author { id name email }
    approvals { at comment approver { id name email } }
    service { id key name viewerCanEdit }
    sharingArrangement { id processor { id key name } }
  }
`);

export const DraftAssessmentMutation = graphql(`mutation DraftAssessment($input: DraftAssessmentInput!) { draftAssessment(input: $input) { id version ...AssessmentDetail_assessment } }`);

export const SaveAssessmentDraftMutation = graphql(`mutation SaveAssessmentDraft($input: SaveAssessmentDraftInput!) { saveAssessmentDraft(input: $input) { id version ...AssessmentDetail_assessment } }`);

export const SubmitAssessmentMutation = graphql(`mutation SubmitAssessment($id: ID!, $expectedVersion: Int!) { submitAssessment(id: $id, expectedVersion: $expectedVersion) { ...AssessmentDetail_assessment } }`);

export const ApproveAssessmentMutation = graphql(`mutation ApproveAssessment($input: DecideAssessmentInput!) { approveAssessment(input: $input) { ...AssessmentDetail_assessment } }`);

export const RejectAssessmentMutation = graphql(`mutation RejectAssessment($input: DecideAssessmentInput!) { rejectAssessment(input: $input) { ...AssessmentDetail_assessment } }`);

export const RecordPriorConsultationMutation = graphql(`mutation RecordPriorConsultation($id: ID!, $authority: String!, $consultedAt: DateTime!, $outcome: String!) { recordPriorConsultation(id: $id, authority: $authority, consultedAt: $consultedAt, outcome: $outcome) { ...AssessmentDetail_assessment } }`);
