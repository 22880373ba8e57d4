import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { assessmentEnforcementAt, isPrivacyOfficer } from '@canopy/domain';
import { getFragmentData, graphql } from '../../gql';
import type { OrganisationProfile_ProfileFragment } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { HeadedTable } from '../../components/HeadedTable';
import { FormSection } from '../../components/forms/FormSection';
import { ConfirmDialog } from '../../components/forms/ConfirmDialog';
import { InstantInput } from '../../components/forms/DateFields';
import { notifySaved } from '../../components/forms/notify';
import { useViewer } from '../../app/session';
import { formatDateTime } from '../../lib/format';

export const OrganisationProfile_profile = graphql(`
  fragment OrganisationProfile_profile on OrganisationProfile {
    legalName
    address
    contactEmail
    dpoName
    dpoEmail
    euRepresentative
    validFrom
  }
`);

export const OrganisationQuery = graphql(`
  query Organisation {
    organisationProfile { ...OrganisationProfile_profile }
    assessmentEnforcement { from }
  }
`);

export const SetOrganisationProfileMutation = graphql(`
  mutation SetOrganisationProfile($input: OrganisationProfileInput!) {
    setOrganisationProfile(input: $input) { ...OrganisationProfile_profile }
  }
`);

// The new start is what the page reloads; the answer is said in the toast.
export const EnforceAssessmentsMutation = graphql(`
  mutation EnforceAssessments($from: DateTime!) {
    enforceAssessmentsFrom(from: $from) { from }
  }
`);

type Profile = OrganisationProfile_ProfileFragment;

const PROFILE_FIELDS: { field: keyof Omit<Profile, 'validFrom' | '__typename'>; label: string }[] = [
  { field: 'legalName', label: 'Legal name' },
  { field: 'address', label: 'Address' },
  { field: 'contactEmail', label: 'Contact e-mail' },
  { field: 'dpoName', label: 'Data protection officer' },
  { field: 'dpoEmail', label: "Data protection officer's e-mail" },
  { field: 'euRepresentative', label: 'EU representative' },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `input.legalName` (the API's argument) is the form's `legalName`. */
const toField = (argument: string) => argument.replace(/^input\./, '') || null;

function ProfileForm({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      legalName: profile.legalName ?? '',
      address: profile.address ?? '',
      contactEmail: profile.contactEmail ?? '',
      dpoName: profile.dpoName ?? '',
      dpoEmail: profile.dpoEmail ?? '',
      euRepresentative: profile.euRepresentative ?? '',
    },
    validate: {
      legalName: (v: string) => (v.trim() ? null : "Enter the organisation's legal name."),
      address: (v: string) => (v.trim() ? null : "Enter the organisation's address."),
      contactEmail: (v: string) => (EMAIL.test(v.trim()) ? null : 'Enter an e-mail address, e.g. privacy@example.com.'),
      dpoEmail: (v: string) => (!v.trim() || EMAIL.test(v.trim()) ? null : 'Enter an e-mail address, or leave it empty.'),
    },
  });
  const [save] = useMutation(SetOrganisationProfileMutation, { refetchQueries: [OrganisationQuery] });
  const optional = (v: string) => v.trim() || null;
  return (
    <FormSection
      form={form}
      title="Edit the organisation's profile"
      intro="It applies from now on; the record of processing of an earlier instant keeps the profile it had. Saving is audited."
      action={async (v) => {
        await save({
          variables: {
            input: {
              legalName: v.legalName.trim(),
              address: v.address.trim(),
              contactEmail: v.contactEmail.trim(),
              dpoName: optional(v.dpoName),
              dpoEmail: optional(v.dpoEmail),
              euRepresentative: optional(v.euRepresentative),
            },
          },
        });
        notifySaved("The organisation's profile is saved.");
        onDone();
      }}
      toField={toField}
      errorTitle="The profile was not saved"
      submitLabel="Save profile"
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Legal name" withAsterisk {...form.getInputProps('legalName')} />
        <TextInput label="Contact e-mail" withAsterisk {...form.getInputProps('contactEmail')} />
        <TextInput label="Data protection officer" description="Name (GDPR Art. 37)" {...form.getInputProps('dpoName')} />
        <TextInput label="Data protection officer's e-mail" {...form.getInputProps('dpoEmail')} />
      </SimpleGrid>
      <Textarea label="Address" withAsterisk autosize minRows={2} {...form.getInputProps('address')} />
      <Textarea label="EU representative" description="Name and address, where the organisation is outside the EU (Art. 27)." autosize minRows={2} {...form.getInputProps('euRepresentative')} />
    </FormSection>
  );
}

function ProfileSection({ profile, mayEdit }: { profile: Profile; mayEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <ProfileForm profile={profile} onDone={() => setEditing(false)} />;
  return (
    <Section
      title="Controller's identity"
      intro={
        profile.validFrom
          ? `The record of processing opens with it (GDPR Art. 30(1)(a)). In force since ${formatDateTime(profile.validFrom)}.`
          : 'The record of processing opens with it (GDPR Art. 30(1)(a)). No profile is recorded yet: the record lists it among its gaps.'
      }
    >
      <HeadedTable label="Organisation profile" headers={['', '']} withRowBorders={false}>
        {PROFILE_FIELDS.map(({ field, label }) => (
          <Table.Tr key={field}>
            <Table.Th scope="row" w={260}>
              {label}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{profile[field] ?? <Text c="dimmed" size="sm" span>not recorded</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </HeadedTable>
      {mayEdit && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit the profile
          </Button>
        </Group>
      )}
    </Section>
  );
}

/** The current state of enforcement, and for officers turning it on from an instant (asked first: the past is never rewritten). */
function EnforcementSection({ from, mayEdit }: { from: string | null; mayEdit: boolean }) {
  const [at, setAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [enforce] = useMutation(EnforceAssessmentsMutation, { refetchQueries: [OrganisationQuery] });
  const started = assessmentEnforcementAt(from ? new Date(from) : null, new Date()).enforced;
  const state = from === null ? 'Not enforced: the assessment and transfer checks are informative and their findings are LOW.' : started ? `Enforced since ${formatDateTime(from)}.` : `Enforced from ${formatDateTime(from)}; informative until then.`;
  return (
    <Section
      title="Assessment enforcement"
      intro="From the instant it is enforced, the checks TRANSFER_LAWFUL and DPIA_APPROVED block approvals, and the findings DPIA_MISSING, ASSESSMENT_EXPIRED and TRANSFER_UNLAWFUL carry their severity. Before it, they inform and are LOW."
    >
      <Text fw={500} data-testid="enforcement-state">
        {state}
      </Text>
      {mayEdit && !started && (
        <>
          <Group align="flex-end">
            <InstantInput
              label={from ? 'Change the start' : 'Enforce from'}
              description="An earlier instant means now."
              required
              value={at}
              onChange={(v) => {
                setAt(v);
                setProblem(null);
              }}
              error={problem}
              w={280}
            />
            <Button
              onClick={() => {
                if (!at) setProblem('Enter the instant enforcement starts.');
                else setAsking(true);
              }}
            >
              Enforce…
            </Button>
          </Group>
          <ConfirmDialog
            opened={asking}
            onClose={() => setAsking(false)}
            title="Enforce the assessment rules?"
            confirmLabel="Enforce"
            errorTitle="Enforcement was not set"
            onConfirm={async () => {
              const result = await enforce({ variables: { from: at ?? '' } });
              notifySaved(`The assessment rules are enforced from ${formatDateTime(result.data?.enforceAssessmentsFrom.from)}.`, 'Enforcement set');
              setAt(null);
            }}
          >
            <Text size="sm">
              From {formatDateTime(at)} (or now, if that is earlier), arrangements without a lawful transfer or an approved DPIA cannot be approved, and the new findings count with their full
              severity. Once it has started, it is not turned off again. Setting it is audited.
            </Text>
          </ConfirmDialog>
        </>
      )}
    </Section>
  );
}

/** /organisation: the controller's identity and assessment enforcement; everyone reads them, officers change them. */
export function OrganisationPage() {
  const { data, loading, error, refetch } = useQuery(OrganisationQuery);
  const mayEdit = isPrivacyOfficer(useViewer());
  return (
    <Stack>
      <Title order={2}>Organisation</Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the organisation…">
        {(d) => (
          <>
            <ProfileSection profile={getFragmentData(OrganisationProfile_profile, d.organisationProfile)} mayEdit={mayEdit} />
            <EnforcementSection from={d.assessmentEnforcement.from ?? null} mayEdit={mayEdit} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
