import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { useForm } from '@mantine/form';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { AssessmentKind } from '@canopy/domain';
import { ErrorMessage } from '../../components/QueryState';
import { ConfirmDialog } from '../../components/forms/ConfirmDialog';
import { DayInput, formDateProps } from '../../components/forms/DateFields';
import { notifySaved } from '../../components/forms/notify';
import { fieldErrorsOf, hasErrorCode } from '../../lib/errors';
import { plural } from '../../lib/format';
import { DraftAssessmentMutation, SaveAssessmentDraftMutation, SubmitAssessmentMutation } from './assessment-operations';
import { type AssessmentValues, blankRisk, draftErrors, draftInput, fieldOfArgument, saveDraftInput, submitErrors, unansweredCount } from './assessment-form';
import { RISK_LEVEL_OPTIONS } from './assessment-words';

export interface EditorSubject {
  kind: AssessmentKind;
  serviceKey: string;
  sharingArrangementId?: string | null;
  questionnaireVersion: number;
  /** Said in toasts and dialogs: "Lens", "Lens → MapTiles GmbH". */
  name: string;
}

/**
 * The questionnaire's questions with their answers, the risks and the review
 * date of a draft; saving keeps a draft (a new one with draftAssessment, a
 * saved one amended with saveAssessmentDraft against the version read: when
 * someone changed it first, `onStale` reloads it and says so), submitting
 * saves what changed and sends the draft for review after asking. Problems
 * sit next to their field: the domain's rules first, then the API's by argument.
 */
export function AssessmentEditor({
  subject,
  initial,
  saved,
  onStale,
}: {
  subject: EditorSubject;
  initial: AssessmentValues;
  saved: { id: string; version: number } | null;
  onStale?: () => Promise<unknown>;
}) {
  const navigate = useNavigate();
  const form = useForm<AssessmentValues>({ initialValues: initial });
  const [draft] = useMutation(DraftAssessmentMutation);
  const [amend] = useMutation(SaveAssessmentDraftMutation);
  const [submit] = useMutation(SubmitAssessmentMutation);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState<number | null>(null);
  const changed = saved === null || form.isDirty();

  /** Saves the form as a draft when it differs from the saved one; the draft to act on. */
  const saveIfChanged = async (): Promise<{ id: string; version: number }> => {
    if (saved && !form.isDirty()) return saved;
    const input = saved ? saveDraftInput(form.values, saved) : draftInput(form.values, subject);
    try {
      const written = 'id' in input ? (await amend({ variables: { input } })).data?.saveAssessmentDraft : (await draft({ variables: { input } })).data?.draftAssessment;
      if (!written) throw new Error('The draft was not saved.');
      return written;
    } catch (e) {
      if (onStale && hasErrorCode(e, 'VERSION_CONFLICT')) {
        await onStale();
        throw new PlacedError();
      }
      const { fields, unplaced } = fieldErrorsOf(e, (argument) => fieldOfArgument(argument, input, form.values));
      form.setErrors(fields);
      if (unplaced) throw e;
      throw new PlacedError();
    }
  };

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      if (!(e instanceof PlacedError)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = () =>
    run(async () => {
      setMissing(null);
      const problems = draftErrors(form.values, subject.kind, subject.questionnaireVersion, new Date());
      form.setErrors(problems);
      if (Object.keys(problems).length) return;
      const next = await saveIfChanged();
      form.resetDirty();
      notifySaved(`The ${subject.kind} of ${subject.name} is saved as a draft.`, 'Draft saved');
      navigate(`/assessments/${next.id}`, { replace: true });
    });

  const askToSubmit = () => {
    setError(null);
    const problems = submitErrors(form.values, subject.kind, subject.questionnaireVersion, new Date());
    form.setErrors(problems);
    const blank = unansweredCount(form.values);
    setMissing(blank > 0 ? blank : null);
    if (Object.keys(problems).length === 0) setConfirming(true);
  };

  const submitForReview = async () => {
    let target: { id: string; version: number };
    try {
      target = await saveIfChanged();
    } catch (e) {
      setConfirming(false);
      if (!(e instanceof PlacedError)) setError(e);
      return;
    }
    form.resetDirty();
    try {
      await submit({ variables: { id: target.id, expectedVersion: target.version } });
    } catch (e) {
      // The changes were saved: show that draft, with why it was not submitted.
      if (target.id !== saved?.id) navigate(`/assessments/${target.id}`, { replace: true });
      throw e;
    }
    notifySaved(`The ${subject.kind} of ${subject.name} is submitted: another privacy officer reviews it.`, 'Submitted for review');
    navigate(`/assessments/${target.id}`, { replace: true });
  };

  return (
    <Paper withBorder p="md" component="form" aria-label="Edit the assessment" noValidate onSubmit={form.onSubmit(() => void saveDraft())}>
      <Stack gap="md">
        <Title order={3} size="h4">
          Questionnaire (version {subject.questionnaireVersion})
        </Title>
        <Text size="sm" c="dimmed">
          A draft may leave questions blank; submitting needs every answer and a review date.
          {saved ? '' : ' Nothing is saved until you save the draft or submit it.'}
        </Text>
        {missing !== null && (
          <Alert color="orange" variant="light" role="alert" title="Not every question is answered">
            {plural(missing, 'question is', 'questions are')} still blank: each is marked below.
          </Alert>
        )}
        {form.values.answers.map((a, i) => (
          <Textarea key={a.questionId} label={`${i + 1}. ${a.question}`} autosize minRows={2} {...form.getInputProps(`answers.${i}.answer`)} />
        ))}

        <Title order={3} size="h4">
          Risks
        </Title>
        {form.values.risks.length === 0 && (
          <Text size="sm" c="dimmed">
            No risk recorded yet.
          </Text>
        )}
        {form.values.risks.map((_, i) => (
          <Paper key={i} withBorder p="sm" component="section" aria-label={`Risk ${i + 1}`}>
            <Stack gap="xs">
              <Textarea label={`Risk ${i + 1}`} description="What could harm the people concerned" withAsterisk autosize {...form.getInputProps(`risks.${i}.description`)} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect label="Likelihood" data={RISK_LEVEL_OPTIONS} {...form.getInputProps(`risks.${i}.likelihood`)} />
                <NativeSelect label="Severity" data={RISK_LEVEL_OPTIONS} {...form.getInputProps(`risks.${i}.severity`)} />
                <NativeSelect label="Residual risk (once mitigated)" data={RISK_LEVEL_OPTIONS} {...form.getInputProps(`risks.${i}.residual`)} />
              </SimpleGrid>
              <Textarea label="Mitigation" withAsterisk autosize {...form.getInputProps(`risks.${i}.mitigation`)} />
              <Group justify="flex-end">
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => form.removeListItem('risks', i)}>
                  Remove risk {i + 1}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('risks', blankRisk())}>
            Add a risk
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          A HIGH residual risk cannot be approved until the supervisory authority was consulted (GDPR Art. 36).
        </Text>

        <DayInput
          label="Review due"
          description="At most 12 months away; required to submit. An approved assessment expires then."
          w={280}
          {...formDateProps(form, 'reviewDueAt')}
        />

        <ErrorMessage error={error} title="The assessment was not saved" />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={busy} disabled={!changed}>
            Save draft
          </Button>
          <Button color="teal" onClick={askToSubmit} disabled={busy}>
            Submit for review…
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Submit the ${subject.kind} of ${subject.name} for review?`}
        confirmLabel="Submit for review"
        color="teal"
        errorTitle="The assessment was not submitted"
        onConfirm={submitForReview}
      >
        <Text size="sm">
          {changed ? 'Your changes are saved first. ' : ''}The answers and risks can no longer be changed: another privacy officer approves or rejects
          the assessment.
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}

/** An error already shown next to its field. */
class PlacedError extends Error {}
