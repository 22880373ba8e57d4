import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Group, List, Paper, Stack, Text } from '@mantine/core';
import { getFragmentData, graphql } from '../../gql';
import type { AssessmentKind } from '../../gql/graphql';
import { useViewer } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import { AssessmentStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { PageHeading } from '../../components/PageHeading';
import { formatDate, formatDateTime } from '../../lib/format';
import { AssessmentDetail_assessment } from './assessment-operations';
import { valuesOf } from './assessment-form';
import { assessmentSubject, KIND_NAMES } from './assessment-words';
import { AssessmentEditor } from './AssessmentEditor';
import { AssessmentContent } from './AssessmentContent';
import { AssessmentDecision } from './AssessmentDecision';

export const AssessmentPageQuery = graphql(`
  query AssessmentPage($id: ID!) {
    assessment(id: $id) {
      id
      ...AssessmentDetail_assessment
    }
  }
`);

/** Why an approval no longer counts (EXPIRED, STALE), or why it was rejected. */
function StandingAlert({ status, reason, comment }: { status: string; reason: string | null; comment: string | null }) {
  if (status === 'EXPIRED') {
    return (
      <Alert color="red" variant="light" title="Expired: it no longer counts" data-testid="derived-status">
        {reason ?? 'Its review date has passed.'} Draft a new assessment to renew it.
      </Alert>
    );
  }
  if (status === 'STALE') {
    return (
      <Alert color="yellow" variant="light" title="Stale: what it assessed has changed" data-testid="derived-status">
        {reason ?? 'Its subject changed since it was approved.'} Draft a new assessment that covers the change.
      </Alert>
    );
  }
  if (status === 'REJECTED' && comment) {
    return (
      <Alert color="red" variant="light" title="Rejected">
        “{comment}”
      </Alert>
    );
  }
  return null;
}

/** /assessments/:id — a DPIA or TIA: editing its draft (whom the API allows), its content, standing, decision and prior consultation. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(AssessmentPageQuery, { variables: { id }, fetchPolicy: 'network-only' });
  // Each reload after someone else changed the draft starts the editor again from what is saved.
  const [conflicts, setConflicts] = useState(0);
  const reloadStale = async () => {
    await refetch();
    setConflicts((n) => n + 1);
  };
  return (
    <QueryState loading={loading && !data} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the assessment…">
      {(d) => {
        if (!d.assessment) {
          return (
            <Alert color="gray" title="Assessment not found">
              No assessment has this id. <RouterLink to="/assessments">Back to the assessments</RouterLink>
            </Alert>
          );
        }
        const a = getFragmentData(AssessmentDetail_assessment, d.assessment);
        const subject = assessmentSubject(a);
        const mayEdit = a.status === 'DRAFT' && (a.service.viewerCanEdit || a.author.id === viewer.id);
        return (
          <Stack>
            <PageHeading up={{ to: '/assessments', label: 'Assessments' }} here={`${a.kind} · ${subject}`} title={`${a.kind} · ${subject}`} aside={<AssessmentStatusBadge status={a.status} />}>
              <Text size="sm" c="dimmed">
                {KIND_NAMES[a.kind]} of{' '}
                {a.sharingArrangement ? (
                  <RouterLink to={`/sharing/${a.sharingArrangement.id}`}>the sharing {subject}</RouterLink>
                ) : (
                  <RouterLink to={`/services/${a.service.key}`}>{a.service.name}</RouterLink>
                )}{' '}
                · written by {a.author.name} ({a.author.email}) on {formatDateTime(a.createdAt)} · version {a.version}
              </Text>
            </PageHeading>
            <StandingAlert status={a.status} reason={a.statusReason ?? null} comment={a.decisionComment ?? null} />
            <Paper withBorder p="md">
              <Group gap="xl" align="flex-start">
                <Text size="sm">Submitted: {formatDateTime(a.submittedAt)}</Text>
                <Text size="sm">Decided: {formatDateTime(a.decidedAt)}</Text>
                <Text size="sm">Review due: {formatDate(a.reviewDueAt)}</Text>
                <Text size="sm">Assessed: {a.assessedCategories.join(', ') || '— (recorded at submission)'}</Text>
              </Group>
              {a.priorConsultation && (
                <Text size="sm" mt="xs">
                  Prior consultation: {a.priorConsultation.authority} on {formatDateTime(a.priorConsultation.consultedAt)}: “{a.priorConsultation.outcome}”
                </Text>
              )}
              {a.approvals.length > 0 && (
                <List size="sm" mt="xs" aria-label="Approvals">
                  {a.approvals.map((ap) => (
                    <List.Item key={`${ap.approver.id}-${ap.at}`}>
                      Approved by {ap.approver.name} ({ap.approver.email}) on {formatDateTime(ap.at)}
                      {ap.comment ? `: “${ap.comment}”` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <AssessmentDecision assessment={a} subject={subject} onReload={() => refetch()} />
            {mayEdit && conflicts > 0 && (
              <Alert color="orange" variant="light" role="alert" title="The draft was not saved">
                Someone else changed this draft while you were editing it. It has been reloaded: check it and make your changes again.
              </Alert>
            )}
            {mayEdit ? (
              <AssessmentEditor
                key={`${a.id}-${conflicts}`}
                onStale={reloadStale}
                subject={{ kind: a.kind as AssessmentKind, serviceKey: a.service.key, sharingArrangementId: a.sharingArrangement?.id, questionnaireVersion: a.questionnaireVersion, name: subject }}
                initial={valuesOf(a)}
                saved={{ id: a.id, version: a.version }}
              />
            ) : (
              <AssessmentContent assessment={a} />
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
