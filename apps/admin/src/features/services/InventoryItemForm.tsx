import { Checkbox, Group, NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormSection } from '../../components/forms/FormSection';
import { CategorySelect, PurposesMultiSelect } from '../../components/forms/TaxonomyFields';
import { useTaxonomy } from '../../components/taxonomy';
import { ENCRYPTION_LABELS, LEGAL_BASIS_LABELS, SOURCE_LABELS, optionsOf } from '../../components/vocabulary';
import { FindingsPreview } from './FindingsPreview';
import { type EditableItem, type ItemFormValues, fromFormValues, itemFormErrors, toItemInput } from './inventory-items';

const FIELD_OF_ARGUMENT = /^items\[(\d+)\]\.(\w+)/;

/**
 * One inventory item, every field of it: what is filled in stays as it is
 * unless the person changes it. Below the fields, the findings the whole
 * inventory would have with this item saved.
 */
export function InventoryItemForm({
  serviceKey,
  title,
  initial,
  index,
  others,
  onSave,
  onCancel,
}: {
  serviceKey: string;
  title: string;
  initial: ItemFormValues;
  /** The item's place in the saved list (null: a new item, appended). */
  index: number | null;
  /** The whole list with this item left as it was saved: to preview and to send. */
  others: (item: EditableItem | null) => EditableItem[];
  onSave: (items: EditableItem[], item: EditableItem) => Promise<void>;
  onCancel: () => void;
}) {
  const { taxonomy } = useTaxonomy();
  const form = useForm<ItemFormValues>({ mode: 'controlled', initialValues: initial, validate: (v) => itemFormErrors(v, taxonomy) });
  const position = index ?? others(null).length;
  /** The API names the item's fields `items[2].purposes`; only this item's are the form's. */
  const toField = (argument: string) => {
    const m = FIELD_OF_ARGUMENT.exec(argument);
    return m && Number(m[1]) === position ? m[2] : null;
  };
  const values = form.getValues();
  const complete = Object.keys(itemFormErrors(values, taxonomy)).length === 0;
  const preview = complete ? others(fromFormValues(values)).map(toItemInput) : null;

  return (
    <FormSection
      form={form}
      toField={toField}
      title={title}
      action={(v) => {
        const item = fromFormValues(v);
        return onSave(others(item), item);
      }}
      errorTitle="The inventory was not saved"
      submitLabel="Save item"
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CategorySelect label="Data category" withAsterisk {...form.getInputProps('dataCategory')} />
        <PurposesMultiSelect label="Purposes" description="Why the data is processed." withAsterisk {...form.getInputProps('purposes')} />
        <Select label="Source" data={optionsOf(SOURCE_LABELS)} withAsterisk {...form.getInputProps('source')} />
        <TextInput
          label="Device permission"
          description="Only for data collected through a device permission, e.g. CAMERA, LOCATION."
          {...form.getInputProps('devicePermission')}
        />
        <Select label="Legal basis" data={optionsOf(LEGAL_BASIS_LABELS)} withAsterisk {...form.getInputProps('legalBasis')} />
        <Select label="Encryption" data={optionsOf(ENCRYPTION_LABELS)} withAsterisk {...form.getInputProps('encryption')} />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <NumberInput
            label="Retention (days)"
            min={0}
            allowDecimal={false}
            disabled={values.keptIndefinitely}
            {...form.getInputProps('retentionDays')}
            w={180}
          />
          <Checkbox label="Kept indefinitely" mb={8} {...form.getInputProps('keptIndefinitely', { type: 'checkbox' })} />
        </Group>
        <TagsInput
          label="Data subjects"
          description="Whom the data is about, e.g. customers, minors; press Enter after each."
          splitChars={[',']}
          {...form.getInputProps('dataSubjects')}
        />
        <Checkbox
          label="Publicly visible"
          description="Users choose to show it to everyone, e.g. shared images."
          {...form.getInputProps('publiclyVisible', { type: 'checkbox' })}
        />
      </SimpleGrid>
      {preview ? <FindingsPreview serviceKey={serviceKey} items={preview} /> : null}
    </FormSection>
  );
}
