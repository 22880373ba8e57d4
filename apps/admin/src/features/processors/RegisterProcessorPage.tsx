import { useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { mayManageProcessors } from '@canopy/domain';
import { graphql } from '../../gql';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { NotAllowed } from '../../app/guards';
import { useViewer } from '../../app/session';
import { ProcessorFields, processorFieldOf, processorInput, useProcessorForm } from './processor-form';
import { ProcessorFormHeading } from './ProcessorFormHeading';

export const RegisterProcessorMutation = graphql(`
  mutation RegisterProcessor($input: RegisterProcessorInput!) {
    registerProcessor(input: $input) {
      id
      key
      name
    }
  }
`);

/** /processors/new: officers register a processor and its DPA. */
export function RegisterProcessorPage() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const form = useProcessorForm(
    { key: '', name: '', country: '', contactEmail: '', dpaSignedAt: null, dpaExpiresAt: null, dpaReference: '', transferMechanism: '', certifications: [], subProcessors: [] },
    { withKey: true },
  );
  const [register] = useMutation(RegisterProcessorMutation);
  if (!mayManageProcessors(viewer)) return <NotAllowed what="registering processors (privacy officers do)" />;
  return (
    <Stack>
      <ProcessorFormHeading trail="new" title="Register a processor" />
      <FormSection form={form} toField={processorFieldOf}
        title="The processor and its DPA"
        intro="Sharing with it can be approved only while its DPA is signed and unexpired."
        action={async (v) => {
          await register({ variables: { input: { key: v.key.trim(), ...processorInput(v) } } });
          notifySaved(`${v.name.trim()} is registered.`, 'Processor registered');
          navigate(`/processors/${v.key.trim()}`);
        }}
        errorTitle="The processor was not registered"
        submitLabel="Register processor"
        onCancel={() => navigate('/processors')}
      >
        <ProcessorFields form={form} withKey />
      </FormSection>
    </Stack>
  );
}
