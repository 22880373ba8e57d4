import { Alert, Badge, Code, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { RouterLink } from '../../components/links';
import { SourceBadge } from '../../components/badges';
import { clauseValue, formatDate, inWords, plural } from '../../lib/format';

/** What publishing the draft now would change, computed by the API without writing anything. */
export const ImpactPreview_impact = graphql(`
  fragment ImpactPreview_impact on PolicyImpact {
    servicesAffected
    noticeRequired
    noticeDays
    noticeExplanation
    earliestEffectiveAt
    conflictsOpening {
      topic
      subject
      globalValue
      serviceValue
      carriedForward
      service {
        id
        key
        name
      }
    }
    conflictsSuperseded {
      id
      topic
      subject
      status
      service {
        id
        key
        name
      }
    }
    lockedOverrides {
      topic
      subject
      globalValue
      serviceValue
      service {
        id
        key
        name
      }
    }
    services {
      service {
        id
        key
        name
      }
      changes {
        topic
        subject
        before
        beforeSource
        after
        afterSource
        pendingReviewAfter
      }
    }
  }
`);

export function ImpactPreview({ impact: ref }: { impact: FragmentType<typeof ImpactPreview_impact> }) {
  const impact = getFragmentData(ImpactPreview_impact, ref);
  const opening = impact.conflictsOpening.filter((c) => !c.carriedForward);
  const carried = impact.conflictsOpening.filter((c) => c.carriedForward);
  return (
    <Paper withBorder p="md" component="section" aria-label="Impact preview">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Impact preview
        </Title>
        <Text size="sm" data-testid="impact-summary">
          Publishing now would change the effective policy of {plural(impact.servicesAffected, 'service')}, open {plural(opening.length, 'conflict')} for review
          {carried.length ? ` (${carried.length} more carry an earlier resolution forward)` : ''}, and supersede {impact.conflictsSuperseded.length}.
        </Text>
        {impact.noticeRequired && (
          <Alert color="yellow" title={`Notice required: ${plural(impact.noticeDays, 'day')}`}>
            {inWords(impact.noticeExplanation ?? '')}
            {impact.earliestEffectiveAt && !/earliest/i.test(impact.noticeExplanation ?? '') ? ` With notice given now, it can take effect on ${formatDate(impact.earliestEffectiveAt)} at the earliest.` : ''}
          </Alert>
        )}
        {impact.lockedOverrides.length > 0 && (
          <Alert color="blue" title="Locked clauses override service policies">
            <List size="sm">
              {impact.lockedOverrides.map((o) => (
                <List.Item key={`${o.service.key}-${o.topic}-${o.subject}`}>
                  {o.service.name}: {o.topic} <Code>{o.subject}</Code> {clauseValue(o.topic, o.serviceValue)} → {clauseValue(o.topic, o.globalValue)} (locked global value applies, no conflict opens)
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {opening.length > 0 && (
          <div>
            <Text size="sm" fw={500}>
              Conflicts that would open
            </Text>
            <List size="sm">
              {opening.map((c) => (
                <List.Item key={`${c.service.key}-${c.topic}-${c.subject}`}>
                  <RouterLink to={`/services/${c.service.key}`}>{c.service.name}</RouterLink>: {c.topic} <Code>{c.subject}</Code> service{' '}
                  {clauseValue(c.topic, c.serviceValue)} is weaker than global {clauseValue(c.topic, c.globalValue)}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {impact.services.length > 0 && (
          <Table aria-label="Effective changes per service" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Service</Table.Th>
                <Table.Th scope="col">Clause</Table.Th>
                <Table.Th scope="col">Now</Table.Th>
                <Table.Th scope="col">After publishing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {impact.services.flatMap((s) =>
                s.changes.map((c) => (
                  <Table.Tr key={`${s.service.key}-${c.topic}-${c.subject}`}>
                    <Table.Td>
                      <RouterLink to={`/services/${s.service.key}?tab=policy`}>{s.service.name}</RouterLink>
                    </Table.Td>
                    <Table.Td>
                      {c.topic} <Code>{c.subject}</Code>
                    </Table.Td>
                    <Table.Td>
                      {clauseValue(c.topic, c.before)} {c.beforeSource && <SourceBadge source={c.beforeSource} />}
                    </Table.Td>
                    <Table.Td>
                      {clauseValue(c.topic, c.after)} {c.afterSource && <SourceBadge source={c.afterSource} />}{' '}
                      {c.pendingReviewAfter && (
                        <Badge size="xs" color="orange">
                          pending review
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
