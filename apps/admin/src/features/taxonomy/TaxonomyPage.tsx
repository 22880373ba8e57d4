import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Button, Checkbox, Code, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { mayExtendTaxonomy, validateEntry, type TaxonomyError, type TaxonomyKind } from '@canopy/domain';
import { graphql } from '../../gql';
import type { TaxonomyQuery as TaxonomyData } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { TaxonomyQuery } from '../../components/taxonomy';
import { useViewer } from '../../app/session';
import { plural } from '../../lib/format';

type Category = TaxonomyData['dataCategories'][number];
type Use = TaxonomyData['dataUses'][number];
const categoryColumn = createColumnHelper<Category>();
const useColumn = createColumnHelper<Use>();

const categoryColumns = [
  categoryColumn.accessor('key', { header: 'Key', cell: (i) => <Code>{i.getValue()}</Code> }),
  categoryColumn.accessor('name', { header: 'Name' }),
  categoryColumn.accessor('sensitive', { header: 'Sensitive', cell: (i) => (i.getValue() ? 'yes: two approvals to share' : <Text c="dimmed" size="sm">no</Text>) }),
  categoryColumn.accessor('description', { header: 'Description', cell: (i) => i.getValue() ?? '' }),
];
const useColumns = [
  useColumn.accessor('key', { header: 'Key', cell: (i) => <Code>{i.getValue()}</Code> }),
  useColumn.accessor('name', { header: 'Name' }),
  useColumn.accessor('description', { header: 'Description', cell: (i) => i.getValue() ?? '' }),
];

/** The domain's taxonomy problems in words, next to the key, name or sensitivity. */
function entrySentence(e: TaxonomyError): string {
  const noun = `data ${e.kind}`;
  switch (e.code) {
    case 'INVALID_KEY':
      return 'Use a dot path of lowercase segments, each starting with a letter (letters, digits, underscores), e.g. user.contact.fax.';
    case 'DUPLICATE_KEY':
      return `The ${noun} “${e.key}” already exists.`;
    case 'PARENT_NOT_FOUND':
    case 'PARENT_MISMATCH':
      return `Its parent “${e.key.slice(0, e.key.lastIndexOf('.'))}” is not a ${noun} yet: add the parent first.`;
    case 'SENSITIVE_PARENT':
      return 'It is under a sensitive category, so it is sensitive too: tick the box.';
    case 'NAME_REQUIRED':
      return 'Enter a name.';
  }
}

function useEntryForm(kind: TaxonomyKind, existing: readonly { key: string; sensitive?: boolean }[]) {
  return useForm({
    mode: 'controlled',
    initialValues: { key: '', name: '', description: '', sensitive: false },
    validate: (v) => {
      const errors: Record<string, string> = {};
      const has = (k: string) => existing.some((e) => e.key === k);
      const isSensitive = (k: string) => existing.some((e) => e.key === k && e.sensitive);
      for (const e of validateEntry({ key: v.key.trim(), name: v.name, sensitive: v.sensitive }, { kind, has, isSensitive })) {
        const field = e.field === 'parentKey' ? 'key' : e.field;
        errors[field] ??= entrySentence(e);
      }
      return errors;
    },
  });
}

export const AddDataCategoryMutation = graphql(`
  mutation AddDataCategory($input: AddDataCategoryInput!) {
    addDataCategory(input: $input) {
      key
      name
      sensitive
    }
  }
`);

export const AddDataUseMutation = graphql(`
  mutation AddDataUse($input: AddDataUseInput!) {
    addDataUse(input: $input) {
      key
      name
    }
  }
`);

function AddEntryForm({ kind, existing, onDone }: { kind: TaxonomyKind; existing: readonly { key: string; sensitive?: boolean }[]; onDone: () => void }) {
  const form = useEntryForm(kind, existing);
  const [addCategory] = useMutation(AddDataCategoryMutation, { refetchQueries: [TaxonomyQuery] });
  const [addUse] = useMutation(AddDataUseMutation, { refetchQueries: [TaxonomyQuery] });
  const noun = kind === 'category' ? 'data category' : 'data use';
  return (
    <FormSection form={form}
      title={`Add a ${noun}`}
      intro={kind === 'category' ? 'A new key goes under an existing category (every prefix of a key is a key). Adding is audited and cannot be undone.' : 'A new purpose; adding is audited and cannot be undone.'}
      action={async (v) => {
        const base = { key: v.key.trim(), name: v.name.trim(), description: v.description.trim() || null };
        if (kind === 'category') await addCategory({ variables: { input: { ...base, sensitive: v.sensitive } } });
        else await addUse({ variables: { input: base } });
        notifySaved(`The ${noun} ${base.key} is added.`, 'Taxonomy extended');
        onDone();
      }}
      errorTitle={`The ${noun} was not added`}
      submitLabel={`Add ${noun}`}
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Key" description={kind === 'category' ? 'e.g. user.contact.fax' : 'e.g. marketing.sms'} withAsterisk {...form.getInputProps('key')} />
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        <TextInput label="Description" {...form.getInputProps('description')} />
        {kind === 'category' && (
          <Checkbox
            label="Sensitive"
            description="Sharing it needs two approvals; a service policy never weakens it implicitly."
            mt="md"
            {...form.getInputProps('sensitive', { type: 'checkbox' })}
          />
        )}
      </SimpleGrid>
    </FormSection>
  );
}

/** /taxonomy: the data categories and uses every clause and inventory names; officers add keys. */
export function TaxonomyPage() {
  const { data, loading, error, refetch } = useQuery(TaxonomyQuery);
  const mayAdd = mayExtendTaxonomy(useViewer());
  const [adding, setAdding] = useState<TaxonomyKind | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Taxonomy</Title>
        {mayAdd && !adding && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setAdding('category')}>
              Add a data category
            </Button>
            <Button variant="default" onClick={() => setAdding('use')}>
              Add a data use
            </Button>
          </Group>
        )}
      </Group>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the taxonomy…">
        {(d) => (
          <>
            {adding && <AddEntryForm kind={adding} existing={adding === 'category' ? d.dataCategories : d.dataUses} onDone={() => setAdding(null)} />}
            <DataTable data={[...d.dataCategories]} columns={categoryColumns} getRowId={(r) => r.key} caption={`${plural(d.dataCategories.length, 'data category', 'data categories')}; a rule about a parent covers its children`} />
            <DataTable data={[...d.dataUses]} columns={useColumns} getRowId={(r) => r.key} caption={plural(d.dataUses.length, 'data use')} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
