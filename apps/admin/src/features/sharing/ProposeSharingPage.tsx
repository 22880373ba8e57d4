import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Stack } from '@mantine/core';
import { graphql } from '../../gql';
import type { LegalBasis } from '../../gql/graphql';
import { RecordState } from '../../components/RecordState';
import { PageHeading } from '../../components/PageHeading';
import { NotFoundAlert } from '../../components/NotFoundAlert';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { SharingFields, useSharingForm } from './sharing-form';

export const ProposeSharingPageQuery = graphql(`
  query ProposeSharingPage($key: String!) {
    service(key: $key) {
      id
      key
      name
      viewerCanEdit
      inventory {
        id
        dataCategory
      }
    }
    processors {
      id
      key
      name
      country
      dpaValid
    }
  }
`);

/** /services/:key/sharing/new: the owning team or an officer proposes sharing data with a processor (a DRAFT). */
export function ProposeSharingPage() {
  const { key = '' } = useParams();
  const result = useQuery(ProposeSharingPageQuery, { variables: { key } });
  return (
    <RecordState result={result} loadingLabel="Loading the service…" pick={(d) => d.service} notFound={<NotFoundAlert what="service" keyValue={key} back="/services" backLabel="All services" />}>
      {(service, d) => {
        return (
          <Stack>
            <PageHeading
              up={{ to: `/services/${service.key}?tab=sharing`, label: service.name }}
              here="propose sharing"
              title={`Propose sharing from ${service.name}`}
            />
            {service.viewerCanEdit ? (
              <ProposeSharingForm serviceKey={service.key} inventoryCategories={[...new Set(service.inventory.map((i) => i.dataCategory))]} processors={d.processors} />
            ) : (
              <Alert color="yellow" title="Not available for your role">
                Only the engineers of the team owning {service.name}, or a privacy officer, propose its sharing.
              </Alert>
            )}
          </Stack>
        );
      }}
    </RecordState>
  );
}

export const ProposeSharingMutation = graphql(`
  mutation ProposeSharing($input: ProposeSharingInput!) {
    proposeSharing(input: $input) {
      id
      status
      version
    }
  }
`);

function ProposeSharingForm({
  serviceKey,
  inventoryCategories,
  processors,
}: {
  serviceKey: string;
  inventoryCategories: string[];
  processors: readonly { key: string; name: string; country: string; dpaValid: boolean }[];
}) {
  const navigate = useNavigate();
  const form = useSharingForm({ processorKey: '', dataCategories: [], purposes: [], legalBasis: '' });
  const [propose] = useMutation(ProposeSharingMutation);
  return (
    <FormSection form={form}
      title="What to share, with whom"
      intro="The proposal is saved as a draft: check it, then submit it for review by the privacy officers."
      action={async (v) => {
        const { data } = await propose({ variables: { input: { serviceKey, processorKey: v.processorKey, dataCategories: v.dataCategories, purposes: v.purposes, legalBasis: v.legalBasis as LegalBasis } } });
        notifySaved('The sharing is proposed as a draft: submit it for review when it is ready.', 'Sharing proposed');
        navigate(`/sharing/${data!.proposeSharing.id}`);
      }}
      errorTitle="The sharing was not proposed"
      submitLabel="Propose sharing"
      onCancel={() => navigate(`/services/${serviceKey}?tab=sharing`)}
    >
      <SharingFields form={form} inventoryCategories={inventoryCategories} processors={processors} />
    </FormSection>
  );
}
