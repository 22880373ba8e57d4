import { Select } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { LegalBasis } from '../../gql/graphql';
import { CategoriesMultiSelect, PurposesMultiSelect } from '../../components/forms/TaxonomyFields';
import { LEGAL_BASIS_LABELS, optionsOf } from '../../components/vocabulary';

export interface SharingValues {
  processorKey: string;
  dataCategories: string[];
  purposes: string[];
  legalBasis: LegalBasis | '';
}

/** What an arrangement shares; the processor only when proposing (an arrangement keeps its processor). */
export function useSharingForm(initial: SharingValues) {
  return useForm<SharingValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      processorKey: (v) => (v ? null : 'Choose the processor that receives the data.'),
      dataCategories: (v) => (v.length ? null : 'Choose at least one data category to share.'),
      purposes: (v) => (v.length ? null : 'Choose at least one purpose.'),
      legalBasis: (v) => (v ? null : 'Choose the legal basis of the sharing.'),
    },
  });
}

export function SharingFields({
  form,
  inventoryCategories,
  processors,
}: {
  form: UseFormReturnType<SharingValues>;
  inventoryCategories: readonly string[];
  processors?: readonly { key: string; name: string; country: string; dpaValid: boolean }[];
}) {
  return (
    <>
      {processors && (
        <Select
          label="Processor"
          searchable
          withAsterisk
          description="The outside company that receives the data; approval needs its signed, unexpired DPA."
          data={processors.map((p) => ({ value: p.key, label: `${p.name} (${p.country})${p.dpaValid ? '' : ': no valid DPA'}` }))}
          {...form.getInputProps('processorKey')}
        />
      )}
      <CategoriesMultiSelect
        label="Data categories"
        description="Categories in the service's inventory come first; sharing a sensitive one needs two approvals."
        preferred={inventoryCategories}
        withAsterisk
        {...form.getInputProps('dataCategories')}
      />
      <PurposesMultiSelect label="Purposes" withAsterisk {...form.getInputProps('purposes')} />
      <Select label="Legal basis" data={optionsOf(LEGAL_BASIS_LABELS)} withAsterisk {...form.getInputProps('legalBasis')} />
    </>
  );
}
