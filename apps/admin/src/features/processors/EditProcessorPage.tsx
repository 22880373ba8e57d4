import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { mayManageProcessors } from '@canopy/domain';
import { getFragmentData, graphql } from '../../gql';
import type { ProcessorForm_ProcessorFragment } from '../../gql/graphql';
import { RecordState } from '../../components/RecordState';
import { RouterLink } from '../../components/links';
import { NotFoundAlert } from '../../components/NotFoundAlert';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { NotAllowed } from '../../app/guards';
import { useViewer } from '../../app/session';
import { reloadingWhenStale } from '../../lib/errors';
import { ProcessorFields, ProcessorForm_processor, processorFieldOf, processorInput, processorValues, useProcessorForm } from './processor-form';
import { ProcessorFormHeading } from './ProcessorFormHeading';

export const ProcessorEditQueryDocument = graphql(`
  query ProcessorEdit($key: String!) {
    processor(key: $key) {
      id
      key
      ...ProcessorForm_processor
    }
  }
`);

/** /processors/:key/edit: contact, DPA renewal (its dates), mechanism, certifications, sub-processors. */
export function EditProcessorPage() {
  const { key = '' } = useParams();
  const viewer = useViewer();
  const result = useQuery(ProcessorEditQueryDocument, { variables: { key }, fetchPolicy: 'network-only' });
  if (!mayManageProcessors(viewer)) return <NotAllowed what="editing processors (privacy officers do)" />;
  return (
    <RecordState result={result} loadingLabel="Loading the processor…" pick={(d) => d.processor} notFound={<NotFoundAlert what="processor" keyValue={key} back="/processors" backLabel="All processors" />}>
      {(processor) => (
        <Stack>
          <EditProcessorForm processor={getFragmentData(ProcessorForm_processor, processor)} onStale={() => void result.refetch()} />
        </Stack>
      )}
    </RecordState>
  );
}

function EditProcessorForm({ processor: p, onStale }: { processor: ProcessorForm_ProcessorFragment; onStale: () => void }) {
  return (
    <>
      <ProcessorFormHeading trail={<RouterLink to={`/processors/${p.key}`}>{p.key}</RouterLink>} title={`Edit ${p.name}`} />
      <EditProcessorFields key={p.version} processor={p} onStale={onStale} />
    </>
  );
}

export const UpdateProcessorMutation = graphql(`
  mutation UpdateProcessor($input: UpdateProcessorInput!) {
    updateProcessor(input: $input) {
      id
      key
      dpaValid
      ...ProcessorForm_processor
    }
  }
`);

function EditProcessorFields({ processor: p, onStale }: { processor: ProcessorForm_ProcessorFragment; onStale: () => void }) {
  const navigate = useNavigate();
  const form = useProcessorForm(processorValues(p), { withKey: false });
  const [update] = useMutation(UpdateProcessorMutation);
  return (
    <FormSection form={form} toField={processorFieldOf}
      title="The processor and its DPA"
      intro="To renew the DPA, enter the new signature and expiry dates."
      action={async (v) => {
        await reloadingWhenStale(update({ variables: { input: { key: p.key, expectedVersion: p.version, ...processorInput(v) } } }), onStale);
        notifySaved(`${v.name.trim()} is saved.`, 'Processor saved');
        navigate(`/processors/${p.key}`);
      }}
      errorTitle="The processor was not saved"
      submitLabel="Save processor"
      onCancel={() => navigate(`/processors/${p.key}`)}
    >
      <ProcessorFields form={form} withKey={false} />
    </FormSection>
  );
}
