import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Group, Stack, Text } from '@mantine/core';
import { isPrivacyOfficer } from '@canopy/domain';
import { useViewer } from '../../app/session';
import { Section } from '../../components/Section';
import { ConfirmButton } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { reloadingWhenStale } from '../../lib/errors';
import { ApproveAssessmentMutation, RejectAssessmentMutation } from './assessment-operations';
import { highResidualCount } from './assessment-words';
import { PriorConsultationForm } from './PriorConsultationForm';

export interface UnderReview {
  id: string;
  kind: string;
  status: string;
  version: number;
  author: { id: string; name: string };
  risks: readonly { residual: string }[];
  priorConsultation: unknown;
}

/**
 * An officer's decision on an assessment IN_REVIEW: approve or reject (with
 * a comment), each after asking. The author is told why they may not decide
 * instead of being offered buttons the API would refuse; a HIGH residual risk
 * without a recorded prior consultation blocks approval and offers recording it.
 */
export function AssessmentDecision({ assessment: a, subject, onReload }: { assessment: UnderReview; subject: string; onReload: () => Promise<unknown> }) {
  const viewer = useViewer();
  const [approve] = useMutation(ApproveAssessmentMutation);
  const [reject] = useMutation(RejectAssessmentMutation);
  const [done, setDone] = useState<string | null>(null);
  const officer = isPrivacyOfficer(viewer);
  const high = highResidualCount(a.risks);
  const consultationMissing = high > 0 && !a.priorConsultation;
  const mayConsult = officer && consultationMissing && (a.status === 'DRAFT' || a.status === 'IN_REVIEW');
  if (a.status !== 'IN_REVIEW' && !mayConsult) return done ? <DoneAlert text={done} /> : null;

  const decide = async (action: 'approve' | 'reject', comment: string) => {
    const input = { id: a.id, expectedVersion: a.version, ...(comment ? { comment } : {}) };
    const write: Promise<unknown> = action === 'approve' ? approve({ variables: { input } }) : reject({ variables: { input } });
    await reloadingWhenStale(write, onReload);
    const text = action === 'approve' ? `The ${a.kind} of ${subject} is approved.` : `The ${a.kind} of ${subject} is rejected.`;
    setDone(text);
    notifySaved(text, 'Decision recorded');
  };

  const isAuthor = a.author.id === viewer.id;
  return (
    <>
      {done && <DoneAlert text={done} />}
      {mayConsult && <PriorConsultationForm id={a.id} highRisks={high} onReload={onReload} />}
      {a.status === 'IN_REVIEW' && (
        <Section title="Decision" intro="A privacy officer other than the author approves or rejects the assessment.">
          {!officer ? (
            <Text size="sm" c="dimmed">
              Awaiting a privacy officer&apos;s decision.
            </Text>
          ) : isAuthor ? (
            <Alert color="gray" variant="light" title="You wrote this assessment" data-testid="author-may-not-decide">
              Another privacy officer must approve or reject it: whoever writes an assessment may not decide on it (separation of duties).
            </Alert>
          ) : (
            <Stack gap="sm">
              {consultationMissing && (
                <Alert color="red" variant="light" title="Approval is blocked">
                  {high === 1 ? 'One risk remains HIGH' : `${high} risks remain HIGH`} once mitigated: record the prior consultation of the supervisory
                  authority (GDPR Art. 36) above before approving.
                </Alert>
              )}
              <Group>
                <ConfirmButton
                  label="Approve"
                  color="teal"
                  buttonProps={{ variant: 'filled', disabled: consultationMissing }}
                  title={`Approve the ${a.kind} of ${subject}?`}
                  confirmLabel="Approve"
                  reason={{ label: 'Comment', description: 'Optional; recorded with your approval.' }}
                  errorTitle="The decision was not recorded"
                  onConfirm={(comment) => decide('approve', comment)}
                >
                  <Text size="sm">
                    The assessment counts from now until its review date; it cannot be edited any more. {a.author.name} wrote it.
                  </Text>
                </ConfirmButton>
                <ConfirmButton
                  label="Reject"
                  title={`Reject the ${a.kind} of ${subject}?`}
                  confirmLabel="Reject"
                  reason={{ label: 'Reason', requiredMessage: 'Give a reason to reject: it is recorded with the decision and shown to the author.' }}
                  errorTitle="The decision was not recorded"
                  onConfirm={(comment) => decide('reject', comment)}
                >
                  <Text size="sm">The assessment ends here; assessing again needs a new draft.</Text>
                </ConfirmButton>
              </Group>
            </Stack>
          )}
        </Section>
      )}
    </>
  );
}

const DoneAlert = ({ text }: { text: string }) => (
  <Alert color="green" role="status">
    {text}
  </Alert>
);
