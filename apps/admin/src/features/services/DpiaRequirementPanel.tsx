import { useQuery } from '@apollo/client/react';
import { Badge, Group, List, Text } from '@mantine/core';
import { AssessmentStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { StartAssessmentButton } from '../assessments/StartAssessmentButton';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { formatDate, plural } from '../../lib/format';

export const ServiceDpiaQuery = graphql(`
  query ServiceDpia($key: String!) {
    service(key: $key) {
      id
      key
      viewerCanEdit
      dpia { required reasons }
      assessments { id kind status statusReason reviewDueAt }
    }
  }
`);

/**
 * Whether the service needs a data protection impact assessment now (GDPR
 * Art. 35), as the API's rule decides it (two or more criteria met), with
 * each criterion met as its sentence; its DPIAs, and starting one for
 * whom the API lets draft them.
 */
export function DpiaRequirementPanel({ serviceKey }: { serviceKey: string }) {
  const { data, loading, error, refetch } = useQuery(ServiceDpiaQuery, { variables: { key: serviceKey }, fetchPolicy: 'cache-and-network' });
  return (
    <Section title="Impact assessment (DPIA)" label="DPIA requirement">
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Checking whether a DPIA is required…">
        {(d) => {
          const service = d.service;
          if (!service) return null;
          const { dpia } = service;
          const dpias = service.assessments.filter((a) => a.kind === 'DPIA');
          return (
            <>
              <Group gap="sm">
                {dpia.required ? (
                  <Badge color="orange" variant="filled">
                    DPIA required
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    no DPIA required
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {plural(dpia.reasons.length, 'criterion', 'criteria')} met; two or more require one.
                </Text>
                {service.viewerCanEdit && <StartAssessmentButton kind="DPIA" serviceKey={service.key} />}
              </Group>
              {dpia.reasons.length > 0 && (
                <List size="sm" spacing={4} aria-label="Criteria met">
                  {dpia.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              )}
              {dpias.length > 0 && (
                <List size="sm" spacing={4} aria-label="DPIAs" listStyleType="none">
                  {dpias.map((a) => (
                    <List.Item key={a.id}>
                      <Group gap="xs">
                        <RouterLink to={`/assessments/${a.id}`}>DPIA</RouterLink>
                        <AssessmentStatusBadge status={a.status} />
                        <Text size="sm" c="dimmed">
                          {a.statusReason ?? (a.reviewDueAt ? `review due ${formatDate(a.reviewDueAt)}` : '')}
                        </Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
