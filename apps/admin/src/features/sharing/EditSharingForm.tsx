import { useMutation } from '@apollo/client/react';
import type { LegalBasis } from '../../gql/graphql';
import { graphql } from '../../gql';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { reloadingWhenStale } from '../../lib/errors';
import { SharingFields, useSharingForm } from './sharing-form';

export const UpdateSharingMutation = graphql(`
  mutation UpdateSharing($input: UpdateSharingInput!) {
    updateSharing(input: $input) {
      id
      dataCategories
      purposes
      legalBasis
      requiredApprovals
      ...SharingDecision_arrangement
    }
  }
`);

/** A DRAFT's categories, purposes and legal basis, changed from the version the page read. */
export function EditSharingForm({
  arrangement,
  inventoryCategories,
  onDone,
  onStale,
}: {
  arrangement: { id: string; version: number; dataCategories: readonly string[]; purposes: readonly string[]; legalBasis: LegalBasis; processor: { key: string } };
  inventoryCategories: readonly string[];
  onDone: () => void;
  onStale: () => void;
}) {
  const form = useSharingForm({
    processorKey: arrangement.processor.key,
    dataCategories: [...arrangement.dataCategories],
    purposes: [...arrangement.purposes],
    legalBasis: arrangement.legalBasis,
  });
  const [update] = useMutation(UpdateSharingMutation);
  return (
    <FormSection form={form}
      title="Edit the draft"
      intro="Only a draft changes; once submitted, the reviewers decide on what they see."
      action={async (v) => {
        await reloadingWhenStale(
          update({ variables: { input: { id: arrangement.id, expectedVersion: arrangement.version, dataCategories: v.dataCategories, purposes: v.purposes, legalBasis: v.legalBasis as LegalBasis } } }),
          onStale,
        );
        notifySaved('The draft is saved.');
        onDone();
      }}
      errorTitle="The draft was not saved"
      submitLabel="Save draft"
      onCancel={onDone}
    >
      <SharingFields form={form} inventoryCategories={inventoryCategories} />
    </FormSection>
  );
}
