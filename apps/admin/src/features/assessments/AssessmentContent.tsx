import { Stack, Table, Text } from '@mantine/core';
import { Section } from '../../components/Section';
import { HeadedTable } from '../../components/HeadedTable';

interface Content {
  answers: readonly { questionId: string; question: string; answer: string | null }[];
  risks: readonly { description: string; likelihood: string; severity: string; mitigation: string; residual: string }[];
}

const level = (s: string) => s.toLowerCase();

/** The answers and risks as recorded, for whoever reads an assessment it cannot (or can no longer) change. */
export function AssessmentContent({ assessment: a }: { assessment: Content }) {
  return (
    <>
      <Section title="Answers">
        <Stack gap="sm" component="dl" m={0}>
          {a.answers.map((q, i) => (
            <div key={q.questionId}>
              <Text size="sm" fw={500} component="dt">
                {i + 1}. {q.question}
              </Text>
              <Text size="sm" component="dd" ml="md" c={q.answer ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {q.answer ?? 'Not answered yet.'}
              </Text>
            </div>
          ))}
        </Stack>
      </Section>
      <Section title="Risks">
        <HeadedTable label="Risks" headers={['Risk', 'Likelihood', 'Severity', 'Mitigation', 'Residual']} empty={a.risks.length === 0 ? 'No risk recorded.' : undefined}>
          {a.risks.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.description}</Table.Td>
              <Table.Td>{level(r.likelihood)}</Table.Td>
              <Table.Td>{level(r.severity)}</Table.Td>
              <Table.Td>{r.mitigation}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={r.residual === 'HIGH' ? 700 : undefined} c={r.residual === 'HIGH' ? 'red' : undefined}>
                  {level(r.residual)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </HeadedTable>
      </Section>
    </>
  );
}
