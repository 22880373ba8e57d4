import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ActionIcon, Alert, Autocomplete, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../components/QueryState';
import { notifySaved } from '../../components/forms/notify';
import { useTaxonomy } from '../../components/taxonomy';
import { SCALES, UNLIMITED, fixedSubjectsOf, isCategorySubject, isOnScale, subjectShape, topicsFor, type ClauseTopic } from '@canopy/domain';
import { plural } from '../../lib/format';
import { draftProblems, numericValueHint, toClauseInputs, type DraftClause } from './draft-clauses';

export const DraftPolicyVersionMutation = graphql(`
  mutation DraftPolicyVersion($input: DraftPolicyVersionInput!) {
    draftPolicyVersion(input: $input) {
      id
      number
      status
      materialReduction
    }
  }
`);

/** Add, edit and remove clauses, with each topic's scale as the choices; saving replaces the draft's clauses. */
export function DraftEditor({
  policyKey,
  scope,
  initial,
  onSaved,
  onCancel,
}: {
  policyKey: string;
  scope: 'GLOBAL' | 'SERVICE';
  initial: readonly DraftClause[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [rows, setRows] = useState<DraftClause[]>(() => initial.map((c) => ({ ...c })));
  const [showProblems, setShowProblems] = useState(false);
  const [save, { loading, error, reset }] = useMutation(DraftPolicyVersionMutation);
  const { categories, taxonomy } = useTaxonomy();
  const categoryKeys = ['*', ...categories.map((c) => c.key)];
  const problems = draftProblems(rows, scope, taxonomy);
  const topics = topicsFor(scope);
  // Opening the editor takes the keyboard into it: the next Tab reaches the first clause.
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);

  const update = (i: number, change: Partial<DraftClause>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = async () => {
    reset();
    setShowProblems(true);
    if (problems.size > 0) return;
    try {
      const { data } = await save({ variables: { input: { policyKey, clauses: toClauseInputs(rows, scope) } } });
      notifySaved(`Draft v${data?.draftPolicyVersion.number ?? ''} is saved.`, 'Draft saved');
      onSaved();
    } catch {
      // shown from the mutation's error state
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Draft editor" ref={region} tabIndex={-1} style={{ outline: 'none' }}>
      <Stack>
        <Text size="sm" c="dimmed">
          The draft is the whole clause set of the next version. Values are offered on each topic&apos;s scale, most protective first.
        </Text>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label="Draft clauses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">Topic</Table.Th>
                <Table.Th scope="col">Subject</Table.Th>
                <Table.Th scope="col">Value</Table.Th>
                {scope === 'GLOBAL' && <Table.Th scope="col">Locked</Table.Th>}
                <Table.Th scope="col">Policy text</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const scale = SCALES[row.topic];
                const fixedSubjects = fixedSubjectsOf(row.topic);
                const n = i + 1;
                const rowProblems = showProblems ? problems.get(i) : undefined;
                return (
                  <Table.Tr key={i} style={rowProblems ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                    <Table.Td>{n}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Topic of clause ${n}`}
                        data={topics}
                        value={row.topic}
                        allowDeselect={false}
                        onChange={(v) => v && update(i, { topic: v as ClauseTopic, value: '', subject: fixedSubjectsOf(v as ClauseTopic)?.[0] ?? row.subject })}
                        w={150}
                      />
                    </Table.Td>
                    <Table.Td>
                      {fixedSubjects ? (
                        <Select aria-label={`Subject of clause ${n}`} data={[...fixedSubjects]} value={row.subject} allowDeselect={false} onChange={(v) => update(i, { subject: v ?? '' })} w={200} />
                      ) : isCategorySubject(row.topic) ? (
                        <Autocomplete aria-label={`Subject of clause ${n}`} data={categoryKeys} value={row.subject} onChange={(v) => update(i, { subject: v })} placeholder={subjectShape(row.topic)} w={220} limit={20} />
                      ) : (
                        <TextInput aria-label={`Subject of clause ${n}`} value={row.subject} onChange={(e) => update(i, { subject: e.currentTarget.value })} placeholder={subjectShape(row.topic)} w={260} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {scale.kind === 'numeric' ? (
                        isOnScale(row.topic, UNLIMITED) ? (
                          <Autocomplete
                            aria-label={`Value of clause ${n} (${numericValueHint(row.topic)})`}
                            data={[UNLIMITED]}
                            value={row.value}
                            onChange={(v) => update(i, { value: v })}
                            placeholder={numericValueHint(row.topic)}
                            w={170}
                          />
                        ) : (
                          <TextInput
                            aria-label={`Value of clause ${n} (${numericValueHint(row.topic)})`}
                            value={row.value}
                            inputMode="numeric"
                            onChange={(e) => update(i, { value: e.currentTarget.value })}
                            placeholder={numericValueHint(row.topic)}
                            w={120}
                          />
                        )
                      ) : (
                        <Select aria-label={`Value of clause ${n}`} data={[...scale.values]} value={row.value || null} onChange={(v) => update(i, { value: v ?? '' })} w={220} />
                      )}
                    </Table.Td>
                    {scope === 'GLOBAL' && (
                      <Table.Td>
                        <Checkbox aria-label={`Lock clause ${n}`} checked={row.locked} onChange={(e) => update(i, { locked: e.currentTarget.checked })} />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <TextInput aria-label={`Policy text of clause ${n}`} value={row.text} onChange={(e) => update(i, { text: e.currentTarget.value })} w={260} />
                      {rowProblems?.map((p) => (
                        <Text key={p} size="xs" c="red">
                          {p}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove clause ${n}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button variant="default" onClick={() => setRows([...rows, { topic: 'COLLECTION', subject: '', value: '', locked: false, text: '' }])}>
            Add clause
          </Button>
        </Group>
        {showProblems && problems.size > 0 && (
          <Alert color="red" role="alert" title="Fix the marked clauses">
            {plural(problems.size, 'clause')} {problems.size === 1 ? 'has' : 'have'} a problem; each is described under it.
          </Alert>
        )}
        <ErrorMessage error={error} title="The draft was not saved" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={loading}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
