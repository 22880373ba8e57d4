import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { dpaDatesProblem, isValidSlug, type DpaDatesProblem } from '@canopy/domain';
import { graphql } from '../../gql';
import type { ProcessorForm_ProcessorFragment, TransferMechanism } from '../../gql/graphql';
import { DayInput } from '../../components/forms/DateFields';
import { COUNTRY_OPTIONS, TRANSFER_MECHANISM_LABELS, optionsOf } from '../../components/vocabulary';
import { SLUG_HINT } from '../services/service-form';

/** Every field the processor form edits, read and returned in one shape. */
export const ProcessorForm_processor = graphql(`
  fragment ProcessorForm_processor on Processor {
    id
    key
    name
    country
    contactEmail
    dpaSignedAt
    dpaExpiresAt
    dpaReference
    transferMechanism
    certifications
    version
    subProcessors {
      name
      country
      purpose
    }
  }
`);

/** The form's values from a processor as read. */
export function processorValues(p: ProcessorForm_ProcessorFragment): ProcessorValues {
  return {
    key: p.key,
    name: p.name,
    country: p.country,
    contactEmail: p.contactEmail ?? '',
    dpaSignedAt: p.dpaSignedAt,
    dpaExpiresAt: p.dpaExpiresAt,
    dpaReference: p.dpaReference ?? '',
    transferMechanism: p.transferMechanism ?? '',
    certifications: [...p.certifications],
    subProcessors: p.subProcessors.map((s) => ({ name: s.name, country: s.country, purpose: s.purpose ?? '' })),
  };
}

export interface SubProcessorValues {
  name: string;
  country: string;
  purpose: string;
}

export interface ProcessorValues {
  key: string;
  name: string;
  country: string;
  contactEmail: string;
  dpaSignedAt: string | null;
  dpaExpiresAt: string | null;
  dpaReference: string;
  transferMechanism: TransferMechanism | '';
  certifications: string[];
  subProcessors: SubProcessorValues[];
}

const DPA_SENTENCES: Record<DpaDatesProblem['code'], string> = {
  SIGNED_IN_FUTURE: 'The signature date is in the future: record the DPA once it is signed.',
  EXPIRY_WITHOUT_SIGNATURE: 'An unsigned DPA cannot expire: enter the date it was signed.',
  EXPIRY_NOT_AFTER_SIGNATURE: 'The DPA must expire after it was signed.',
};

/** The processor form's checks: the key by the domain's slug rule, the DPA's dates by the domain's DPA rules. */
export function useProcessorForm(initial: ProcessorValues, { withKey }: { withKey: boolean }) {
  return useForm<ProcessorValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (withKey && !isValidSlug(v.key)) errors.key = v.key ? `“${v.key}” is not a valid key. ${SLUG_HINT}` : 'Enter a key.';
      if (!v.name.trim()) errors.name = 'Enter the company name.';
      if (!v.country) errors.country = 'Choose the country where the processor handles the data.';
      const dpa = dpaDatesProblem({ dpaSignedAt: v.dpaSignedAt ? new Date(v.dpaSignedAt) : null, dpaExpiresAt: v.dpaExpiresAt ? new Date(v.dpaExpiresAt) : null }, new Date());
      if (dpa) errors[dpa.field] = DPA_SENTENCES[dpa.code];
      v.subProcessors.forEach((sub, i) => {
        if (!sub.name.trim()) errors[`subProcessors.${i}.name`] = 'Enter the sub-processor’s name.';
        if (!sub.country) errors[`subProcessors.${i}.country`] = 'Choose its country.';
      });
      return errors;
    },
  });
}

/** The API names list entries `subProcessors[0].name`; the form `subProcessors.0.name`. */
export const processorFieldOf = (argument: string) => argument.replace(/\[(\d+)\]/g, '.$1');

/** What the API gets, blanks as null (the edit clears them), lists whole. */
export function processorInput(v: ProcessorValues) {
  return {
    name: v.name.trim(),
    country: v.country,
    contactEmail: v.contactEmail.trim() || null,
    dpaSignedAt: v.dpaSignedAt,
    dpaExpiresAt: v.dpaExpiresAt,
    dpaReference: v.dpaReference.trim() || null,
    transferMechanism: v.transferMechanism || null,
    certifications: v.certifications,
    subProcessors: v.subProcessors.map((s) => ({ name: s.name.trim(), country: s.country, purpose: s.purpose.trim() || null })),
  };
}

export function ProcessorFields({ form, withKey }: { form: UseFormReturnType<ProcessorValues>; withKey: boolean }) {
  const subs = form.getValues().subProcessors;
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Name" description="The company's legal name." withAsterisk {...form.getInputProps('name')} />
        {withKey && <TextInput label="Key" description={SLUG_HINT} withAsterisk {...form.getInputProps('key')} />}
        <Select label="Country" searchable data={COUNTRY_OPTIONS} withAsterisk {...form.getInputProps('country')} />
        <TextInput label="Contact e-mail" type="email" description="Where privacy questions about this processor go." {...form.getInputProps('contactEmail')} />
      </SimpleGrid>
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} id="dpa">
        <Text component="legend" fw={500} size="sm">
          Data-processing agreement (renewing it is changing its dates)
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <DayInput label="DPA signed" value={form.getValues().dpaSignedAt} onChange={(v) => form.setFieldValue('dpaSignedAt', v)} error={form.errors.dpaSignedAt as string | undefined} />
          <DayInput
            label="DPA expires"
            description="Leave empty when it does not expire."
            value={form.getValues().dpaExpiresAt}
            onChange={(v) => form.setFieldValue('dpaExpiresAt', v)}
            error={form.errors.dpaExpiresAt as string | undefined}
          />
          <TextInput label="DPA reference" description="The contract's reference." {...form.getInputProps('dpaReference')} />
        </SimpleGrid>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label="Transfer mechanism"
          description="For processors outside the organisation's home region (GDPR chapter V)."
          data={optionsOf(TRANSFER_MECHANISM_LABELS)}
          clearable
          {...form.getInputProps('transferMechanism')}
        />
        <TagsInput label="Certifications" description="e.g. ISO 27001, DPF; press Enter after each." {...form.getInputProps('certifications')} />
      </SimpleGrid>
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={500} size="sm">
          Sub-processors
        </Text>
        {subs.length === 0 && (
          <Text size="sm" c="dimmed">
            None listed.
          </Text>
        )}
        {subs.map((_, i) => (
          <Group key={i} align="flex-start" wrap="wrap" gap="sm">
            <TextInput label={`Sub-processor ${i + 1} name`} withAsterisk {...form.getInputProps(`subProcessors.${i}.name`)} w={220} />
            <Select label={`Sub-processor ${i + 1} country`} searchable data={COUNTRY_OPTIONS} withAsterisk {...form.getInputProps(`subProcessors.${i}.country`)} w={220} />
            <TextInput label={`Sub-processor ${i + 1} purpose`} {...form.getInputProps(`subProcessors.${i}.purpose`)} w={220} />
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove sub-processor ${i + 1}`} onClick={() => form.removeListItem('subProcessors', i)}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => form.insertListItem('subProcessors', { name: '', country: '', purpose: '' })}>
            Add a sub-processor
          </Button>
        </Group>
      </Stack>
    </>
  );
}
