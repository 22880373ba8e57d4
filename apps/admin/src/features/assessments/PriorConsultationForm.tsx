import { useMutation } from '@apollo/client/react';
import { useForm } from '@mantine/form';
import { Textarea, TextInput } from '@mantine/core';
import { priorConsultationErrors } from '@canopy/domain';
import { FormSection } from '../../components/forms/FormSection';
import { InstantInput, formDateProps } from '../../components/forms/DateFields';
import { notifySaved } from '../../components/forms/notify';
import { inWords } from '../../lib/format';
import { RecordPriorConsultationMutation } from './assessment-operations';

interface Values {
  authority: string;
  consultedAt: string | null;
  outcome: string;
}

/** The domain's checks of a consultation, by field; a missing date is the form's own. */
export function consultationErrors(values: Values, now: Date): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!values.consultedAt) fields.consultedAt = 'Enter the date the authority was consulted.';
  const problems = priorConsultationErrors({ authority: values.authority, outcome: values.outcome, consultedAt: values.consultedAt ? new Date(values.consultedAt) : now }, now);
  for (const p of problems) fields[p.argument] ??= inWords(p.message);
  return fields;
}

/** Records the prior consultation of the supervisory authority (GDPR Art. 36) that a HIGH residual risk needs before approval. */
export function PriorConsultationForm({ id, highRisks, onReload }: { id: string; highRisks: number; onReload: () => Promise<unknown> }) {
  const [record] = useMutation(RecordPriorConsultationMutation);
  const form = useForm<Values>({
    initialValues: { authority: '', consultedAt: null, outcome: '' },
    validate: (values) => consultationErrors(values, new Date()),
  });
  return (
    <FormSection
      form={form}
      title="Prior consultation"
      intro={`${highRisks === 1 ? 'One risk remains' : `${highRisks} risks remain`} HIGH once mitigated: the supervisory authority must be consulted before the assessment can be approved (GDPR Art. 36). Record the authority, when it was consulted and its outcome.`}
      errorTitle="The consultation was not recorded"
      submitLabel="Record the consultation"
      action={async (values) => {
        await record({ variables: { id, authority: values.authority.trim(), consultedAt: values.consultedAt ?? '', outcome: values.outcome.trim() } });
        notifySaved(`The consultation of ${values.authority.trim()} is recorded.`, 'Consultation recorded');
        await onReload();
      }}
    >
      <TextInput label="Supervisory authority" withAsterisk {...form.getInputProps('authority')} />
      <InstantInput label="Consulted on" required w={280} {...formDateProps(form, 'consultedAt')} />
      <Textarea label="Outcome" description="The authority's advice or decision" withAsterisk autosize minRows={2} {...form.getInputProps('outcome')} />
    </FormSection>
  );
}
