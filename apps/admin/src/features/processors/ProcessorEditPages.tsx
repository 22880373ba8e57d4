import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { mayManageProcessors } from '@canopy/domain';
import { graphql } from '../../gql';
import type { ProcessorEditQuery } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { RouterLink } from '../../components/links';
import { FormSection, useFormSubmit } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { NotAllowed } from '../../app/guards';
import { useViewer } from '../../app/session';
import { hasErrorCode } from '../../lib/errors';
import { ProcessorFields, processorFieldOf, processorInput, useProcessorForm, type ProcessorValues } from './processor-form';

export const RegisterProcessorMutation = graphql(`
  mutation RegisterProcessor($input: RegisterProcessorInput!) {
    registerProcessor(input: $input) {
      id
      key
      name
    }
  }
`);

export const ProcessorEditQueryDocument = graphql(`
  query ProcessorEdit($key: String!) {
    processor(key: $key) {
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
  }
`);

export const UpdateProcessorMutation = graphql(`
  mutation UpdateProcessor($input: UpdateProcessorInput!) {
    updateProcessor(input: $input) {
      id
      key
      name
      country
      contactEmail
      dpaSignedAt
      dpaExpiresAt
      dpaValid
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
  }
`);

function Heading({ trail, title }: { trail: React.ReactNode; title: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        <RouterLink to="/processors">Processors</RouterLink> / {trail}
      </Text>
      <Title order={2}>{title}</Title>
    </div>
  );
}

/** /processors/new: officers register a processor and its DPA. */
export function RegisterProcessorPage() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const form = useProcessorForm(
    { key: '', name: '', country: '', contactEmail: '', dpaSignedAt: null, dpaExpiresAt: null, dpaReference: '', transferMechanism: '', certifications: [], subProcessors: [] },
    { withKey: true },
  );
  const submit = useFormSubmit(form, processorFieldOf);
  const [register] = useMutation(RegisterProcessorMutation);
  if (!mayManageProcessors(viewer)) return <NotAllowed what="registering processors (privacy officers do)" />;
  return (
    <Stack>
      <Heading trail="new" title="Register a processor" />
      <FormSection
        title="The processor and its DPA"
        intro="Sharing with it can be approved only while its DPA is signed and unexpired."
        onSubmit={submit.handle(async (v) => {
          await register({ variables: { input: { key: v.key.trim(), ...processorInput(v) } } });
          notifySaved(`${v.name.trim()} is registered.`, 'Processor registered');
          navigate(`/processors/${v.key.trim()}`);
        })}
        error={submit.error}
        errorTitle="The processor was not registered"
        submitLabel="Register processor"
        busy={submit.busy}
        onCancel={() => navigate('/processors')}
      >
        <ProcessorFields form={form} withKey />
      </FormSection>
    </Stack>
  );
}

/** /processors/:key/edit: contact, DPA renewal (its dates), mechanism, certifications, sub-processors. */
export function EditProcessorPage() {
  const { key = '' } = useParams();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(ProcessorEditQueryDocument, { variables: { key }, fetchPolicy: 'network-only' });
  if (!mayManageProcessors(viewer)) return <NotAllowed what="editing processors (privacy officers do)" />;
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the processor…">
      {(d) =>
        d.processor ? (
          <Stack>
            <Heading trail={<RouterLink to={`/processors/${d.processor.key}`}>{d.processor.key}</RouterLink>} title={`Edit ${d.processor.name}`} />
            <EditProcessorForm key={d.processor.version} processor={d.processor} onStale={() => void refetch()} />
          </Stack>
        ) : (
          <Alert color="gray" title="Processor not found">
            No processor has the key “{key}”. <RouterLink to="/processors">All processors</RouterLink>
          </Alert>
        )
      }
    </QueryState>
  );
}

function EditProcessorForm({ processor: p, onStale }: { processor: NonNullable<ProcessorEditQuery['processor']>; onStale: () => void }) {
  const navigate = useNavigate();
  const initial: ProcessorValues = {
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
  const form = useProcessorForm(initial, { withKey: false });
  const submit = useFormSubmit(form, processorFieldOf);
  const [update] = useMutation(UpdateProcessorMutation);
  return (
    <FormSection
      title="The processor and its DPA"
      intro="To renew the DPA, enter the new signature and expiry dates."
      onSubmit={submit.handle(async (v) => {
        try {
          await update({ variables: { input: { key: p.key, expectedVersion: p.version, ...processorInput(v) } } });
        } catch (e) {
          if (hasErrorCode(e, 'VERSION_CONFLICT')) onStale();
          throw e;
        }
        notifySaved(`${v.name.trim()} is saved.`, 'Processor saved');
        navigate(`/processors/${p.key}`);
      })}
      error={submit.error}
      errorTitle="The processor was not saved"
      submitLabel="Save processor"
      busy={submit.busy}
      onCancel={() => navigate(`/processors/${p.key}`)}
    >
      <ProcessorFields form={form} withKey={false} />
    </FormSection>
  );
}
