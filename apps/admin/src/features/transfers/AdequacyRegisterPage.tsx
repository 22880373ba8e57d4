import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ADEQUACY_SCOPES, adequacyEntryErrors, adequacyTakesEffectAt, isPrivacyOfficer, type AdequacyInputError } from '@canopy/domain';
import { getFragmentData, graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { HeadedTable } from '../../components/HeadedTable';
import { FormSection } from '../../components/forms/FormSection';
import { ConfirmDialog } from '../../components/forms/ConfirmDialog';
import { InstantInput } from '../../components/forms/DateFields';
import { notifySaved } from '../../components/forms/notify';
import { COUNTRY_OPTIONS } from '../../components/vocabulary';
import { useViewer } from '../../app/session';
import { fieldErrorsOf } from '../../lib/errors';
import { formatDateTime, plural } from '../../lib/format';
import { countryLabel, scopeLabel, useAtParam } from './transfer-words';

export const AdequacyRegister_entry = graphql(`
  fragment AdequacyRegister_entry on AdequacyDecision {
    country
    validFrom
    validUntil
    scope
    note
    recordedAt
  }
`);

export const AdequacyRegisterQuery = graphql(`
  query AdequacyRegister($at: DateTime) {
    adequacyDecisions(at: $at) { ...AdequacyRegister_entry }
  }
`);

export const SetAdequacyDecisionMutation = graphql(`
  mutation SetAdequacyDecision($input: AdequacyDecisionInput!) {
    setAdequacyDecision(input: $input) { ...AdequacyRegister_entry }
  }
`);

interface EntryValues {
  country: string | null;
  validFrom: string | null;
  validUntil: string | null;
  /** '' is the whole country. */
  scope: string;
  note: string;
}

/** The domain's objections to an entry, in words, next to their field. */
function entrySentence(e: AdequacyInputError): string {
  switch (e.argument) {
    case 'country':
      return 'Choose a country from the list (an ISO 3166-1 alpha-2 code).';
    case 'validUntil':
      return 'The end must not be before the start.';
    case 'scope':
      return 'Choose a scope from the list, or the whole country.';
    case 'note':
      return 'A note may have at most 500 characters.';
  }
}

const SCOPE_OPTIONS = [{ value: '', label: 'the whole country' }, ...ADEQUACY_SCOPES.map((s) => ({ value: s, label: scopeLabel(s) }))];

/** `input.country` (the API's argument) is the form's `country`. */
const toField = (argument: string) => argument.replace(/^input\./, '') || null;

function useEntryForm() {
  return useForm<EntryValues>({
    mode: 'controlled',
    initialValues: { country: null, validFrom: null, validUntil: null, scope: '', note: '' },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.country) errors.country = 'Choose a country.';
      if (!v.validFrom) errors.validFrom = 'Enter the date the decision applies from.';
      if (v.country && v.validFrom) {
        const input = { country: v.country, validFrom: new Date(v.validFrom), validUntil: v.validUntil ? new Date(v.validUntil) : null, scope: v.scope || null, note: v.note || null };
        for (const e of adequacyEntryErrors(input)) errors[e.argument] ??= entrySentence(e);
      } else if (v.note.length > 500) errors.note = 'A note may have at most 500 characters.';
      return errors;
    },
  });
}

/** An officer adds an entry: checked by the domain's rules, then confirmed, since entries are never rewritten. */
function AddEntryForm({ onDone }: { onDone: () => void }) {
  const form = useEntryForm();
  const [pending, setPending] = useState<EntryValues | null>(null);
  const [record] = useMutation(SetAdequacyDecisionMutation, { refetchQueries: [AdequacyRegisterQuery] });
  const confirm = async (v: EntryValues) => {
    try {
      await record({
        variables: { input: { country: v.country ?? '', validFrom: v.validFrom ?? '', validUntil: v.validUntil, scope: v.scope || null, note: v.note.trim() || null } },
      });
    } catch (e) {
      const { fields, unplaced } = fieldErrorsOf(e, toField);
      if (unplaced) throw e;
      // The API refused a field: say so next to it, with the dialog closed.
      form.setErrors(fields);
      setPending(null);
      return;
    }
    notifySaved(`The entry for ${countryLabel(v.country ?? '')} is recorded.`, 'Adequacy register updated');
    onDone();
  };
  return (
    <>
      <FormSection
        form={form}
        title="Add an entry"
        intro="An entry records an adequacy decision of the European Commission, or its end (an entry with an end date). It takes effect at its start or when it is recorded, whichever is later, and is never changed afterwards: a correction is a new entry."
        action={async (v) => setPending(v)}
        toField={toField}
        errorTitle="The entry was not recorded"
        submitLabel="Review and record"
        onCancel={onDone}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select label="Country" data={COUNTRY_OPTIONS} searchable withAsterisk nothingFoundMessage="No such country" {...form.getInputProps('country')} />
          <Select label="Scope" description="A partial decision covers only some recipients." data={SCOPE_OPTIONS} allowDeselect={false} {...form.getInputProps('scope')} />
          <InstantInput label="From" required value={form.values.validFrom} onChange={(v) => form.setFieldValue('validFrom', v)} error={form.errors.validFrom as string | undefined} />
          <InstantInput
            label="Until"
            description="Exclusive; empty when it has no end. A withdrawal ends at the withdrawal."
            value={form.values.validUntil}
            onChange={(v) => form.setFieldValue('validUntil', v)}
            error={form.errors.validUntil as string | undefined}
          />
        </SimpleGrid>
        <Textarea label="Note" description="e.g. the decision's reference; at most 500 characters." autosize minRows={2} {...form.getInputProps('note')} />
      </FormSection>
      <ConfirmDialog
        opened={pending !== null}
        onClose={() => setPending(null)}
        title="Record this entry?"
        confirmLabel="Record the entry"
        color="blue"
        errorTitle="The entry was not recorded"
        onConfirm={() => (pending ? confirm(pending) : undefined)}
      >
        {pending && (
          <Stack gap={4}>
            <Text size="sm">
              {countryLabel(pending.country ?? '')}, {scopeLabel(pending.scope || null)}, from {formatDateTime(pending.validFrom)}
              {pending.validUntil ? ` until ${formatDateTime(pending.validUntil)}` : ', with no end'}.
            </Text>
            <Text size="sm">Entries are never rewritten or removed: from now on this entry governs its country, and a correction is a new entry. Recording it is audited.</Text>
          </Stack>
        )}
      </ConfirmDialog>
    </>
  );
}

/** /transfers/adequacy (`?at=`): the adequacy decisions in force, by country; officers add entries. */
export function AdequacyRegisterPage() {
  const [at, setAt] = useAtParam();
  const { data, loading, error, refetch } = useQuery(AdequacyRegisterQuery, { variables: { at } });
  const mayAdd = isPrivacyOfficer(useViewer());
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Adequacy register</Title>
        {mayAdd && !adding && (
          <Button variant="default" onClick={() => setAdding(true)}>
            Add an entry
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        The countries the European Commission has found to protect personal data adequately (GDPR Art. 45). A transfer there needs no other safeguard, within the decision&apos;s scope.
      </Text>
      {adding && <AddEntryForm onDone={() => setAdding(false)} />}
      <Group align="flex-end">
        <InstantInput label="As of" description="Leave empty for now." value={at} onChange={setAt} w={260} />
        {at && (
          <Button variant="subtle" onClick={() => setAt(null)}>
            Show now
          </Button>
        )}
      </Group>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the register…">
        {(d) => {
          const decisions = getFragmentData(AdequacyRegister_entry, d.adequacyDecisions);
          return (
            <HeadedTable
              label="Adequacy decisions"
              caption={`${plural(decisions.length, 'decision')} in force ${at ? `on ${formatDateTime(at)}` : 'now'}`}
              headers={['Country', 'From', 'Until', 'Scope', 'Note', 'Recorded', 'Takes effect']}
              empty={decisions.length === 0 ? 'No adequacy decision is in force then.' : undefined}
              striped
            >
              {decisions.map((e) => (
                <Table.Tr key={`${e.country}-${e.recordedAt}`}>
                  <Table.Td>{countryLabel(e.country)}</Table.Td>
                  <Table.Td>{formatDateTime(e.validFrom)}</Table.Td>
                  <Table.Td>{e.validUntil ? formatDateTime(e.validUntil) : 'no end'}</Table.Td>
                  <Table.Td>{scopeLabel(e.scope)}</Table.Td>
                  <Table.Td>{e.note ?? ''}</Table.Td>
                  <Table.Td>{formatDateTime(e.recordedAt)}</Table.Td>
                  <Table.Td>{formatDateTime(adequacyTakesEffectAt({ validFrom: new Date(e.validFrom), recordedAt: new Date(e.recordedAt) }).toISOString())}</Table.Td>
                </Table.Tr>
              ))}
            </HeadedTable>
          );
        }}
      </QueryState>
    </Stack>
  );
}
