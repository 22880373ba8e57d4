import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useTaxonomy } from '../taxonomy';

type CategoryProps = Omit<SelectProps, 'data'> & { label: string };
type ManyProps = Omit<MultiSelectProps, 'data'> & { label: string; preferred?: readonly string[] };

function useCategoryOptions(preferred: readonly string[] = []) {
  const { categories } = useTaxonomy();
  const option = (c: (typeof categories)[number]) => ({ value: c.key, label: `${c.key} · ${c.name}${c.sensitive ? ' (sensitive)' : ''}` });
  if (preferred.length === 0) return categories.map(option);
  const first = categories.filter((c) => preferred.includes(c.key));
  return [
    { group: 'In the inventory', items: first.map(option) },
    { group: 'Other categories', items: categories.filter((c) => !preferred.includes(c.key)).map(option) },
  ];
}

/** One data category of the taxonomy, searchable by key or name; sensitive ones say so. */
export function CategorySelect(props: CategoryProps) {
  return <Select searchable nothingFoundMessage="No category has this key or name" data={useCategoryOptions()} {...props} />;
}

/** Several data categories; `preferred` ones (e.g. the inventory's) come first. */
export function CategoriesMultiSelect({ preferred, ...props }: ManyProps) {
  return <MultiSelect searchable nothingFoundMessage="No category has this key or name" data={useCategoryOptions(preferred)} {...props} />;
}

/** Several data uses (purposes). */
export function PurposesMultiSelect({ preferred: _preferred, ...props }: ManyProps) {
  const { uses } = useTaxonomy();
  return <MultiSelect searchable nothingFoundMessage="No use has this key or name" data={uses.map((u) => ({ value: u.key, label: `${u.key} · ${u.name}` }))} {...props} />;
}
