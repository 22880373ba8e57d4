import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import { RecordState } from '../../components/RecordState';
import { PageHeading } from '../../components/PageHeading';
import { HeadedTable } from '../../components/HeadedTable';
import { ChangeBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { NotFoundAlert } from '../../components/NotFoundAlert';
import { noticePeriodOf } from '@canopy/domain';
import { clauseValue, formatDateTime } from '../../lib/format';
import { channelList } from '../../components/notice-channels';
import { DraftEditor } from './DraftEditor';
import { weakerForUsers, withContent } from './policy-version';
import { PublishPanel } from './PublishPanel';
import { NoticesPanel } from './NoticesPanel';
import { ImpactPreview } from './ImpactPreview';
import { DiscardDraftButton } from './DiscardDraftButton';

export const PolicyPageQuery = graphql(`
  query PolicyPage($key: String!) {
    policy(key: $key) {
      id
      key
      title
      scope
      viewerCanDraft
      viewerCanPublish
      service {
        id
        key
        name
      }
      currentVersion {
        id
        number
      }
      draft {
        id
        number
        impact {
          ...ImpactPreview_impact
        }
      }
      versions {
        id
        number
        status
        effectiveAt
        inForceFrom
        publishedAt
        createdAt
        materialReduction
        weakenedSubjects
        publishedBy {
          id
          email
          name
        }
        ...PolicyVersion_content
        changes {
          topic
          subject
          kind
          before
          after
        }
      }
    }
    globalPolicies: policies(scope: GLOBAL) {
      id
      key
      currentVersion {
        id
        number
        clauses {
          topic
          subject
          value
        }
      }
    }
  }
`);

/** /policies/:key?version=N (&edit=1 for the draft editor). */
export function PolicyPage() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const result = useQuery(PolicyPageQuery, { variables: { key } });
  const { refetch } = result;
  const [now] = useState(() => Date.now());

  return (
    <RecordState
      result={result}
      loadingLabel="Loading the policy…"
      pick={(d) => d.policy}
      notFound={<NotFoundAlert what="policy" keyValue={key} back="/policies" backLabel="All policies" />}
    >
      {(policy, d) => {
        const versions = policy.versions.map(withContent).sort((a, b) => b.number - a.number);
        const draft = versions.find((v) => v.status === 'DRAFT');
        const impact = policy.draft?.impact ?? null;
        const latestPublished = versions.find((v) => v.status === 'PUBLISHED');
        const requested = Number(params.get('version'));
        const selected = versions.find((v) => v.number === requested) ?? versions.find((v) => v.number === policy.currentVersion?.number) ?? versions[0];
        const weakened = selected ? weakerForUsers(selected.changes, selected.weakenedSubjects) : [];
        const editing = params.get('edit') === '1';
        const mayDraft = policy.viewerCanDraft;
        const noticePeriod = noticePeriodOf(d.globalPolicies[0]?.currentVersion?.clauses);
        const setView = (changes: Record<string, string | null>) => {
          const next = new URLSearchParams(params);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          setParams(next);
        };
        const statusOf = (v: (typeof versions)[number]) =>
          v.status === 'DRAFT'
            ? 'draft'
            : v.number === policy.currentVersion?.number
              ? 'in force'
              : v.inForceFrom && new Date(v.inForceFrom).getTime() > now
                ? 'scheduled'
                : 'superseded';
        return (
          <Stack>
            <PageHeading
              up={{ to: '/policies', label: 'Policies' }}
              here={policy.key}
              title={policy.title}
              aside={
                <Badge variant="light" color={policy.scope === 'GLOBAL' ? 'teal' : 'violet'}>
                  {policy.scope.toLowerCase()}
                </Badge>
              }
            >
              {policy.service && (
                <Text size="sm">
                  Service policy of <RouterLink to={`/services/${policy.service.key}`}>{policy.service.name}</RouterLink>
                </Text>
              )}
            </PageHeading>

            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h5">
                  Versions
                </Title>
                {mayDraft && !editing && (
                  <Button size="xs" onClick={() => setView({ edit: '1' })}>
                    {draft ? `Edit draft v${draft.number}` : 'New draft'}
                  </Button>
                )}
              </Group>
              <HeadedTable label="Versions" highlightOnHover headers={['Version', 'State', 'Effective', 'Published', 'Amendment']} empty={versions.length === 0 && 'No version yet.'}>
                  {versions.map((v) => (
                    <Table.Tr key={v.id} aria-selected={v.number === selected?.number}>
                      <Table.Td>
                        <Button size="compact-sm" variant={v.number === selected?.number ? 'light' : 'subtle'} onClick={() => setView({ version: String(v.number), edit: null })}>
                          v{v.number}
                        </Button>
                      </Table.Td>
                      <Table.Td>{statusOf(v)}</Table.Td>
                      <Table.Td>{formatDateTime(v.effectiveAt)}</Table.Td>
                      <Table.Td>
                        {v.publishedAt ? `${formatDateTime(v.publishedAt)}${v.publishedBy ? ` by ${v.publishedBy.email}` : ''}` : '—'}
                      </Table.Td>
                      <Table.Td>{v.materialReduction ? <Badge color="red">reduces rights</Badge> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                    </Table.Tr>
                  ))}
              </HeadedTable>
            </Paper>

            {editing && mayDraft && (
              <DraftEditor
                key={draft?.id ?? 'new'}
                policyKey={policy.key}
                scope={policy.scope}
                initial={(draft ?? latestPublished)?.clauses.map((c) => ({ topic: c.topic, subject: c.subject, value: c.value, locked: c.locked, text: c.text ?? '' })) ?? []}
                onSaved={() => {
                  void refetch().then((r) => {
                    const saved = r.data?.policy?.versions.find((v) => v.status === 'DRAFT');
                    setView({ edit: null, version: saved ? String(saved.number) : null });
                  });
                }}
                onCancel={() => setView({ edit: null })}
              />
            )}

            {selected && !editing && (
              <>
                {selected.materialReduction && (
                  <Alert color="red" title={`Version ${selected.number} reduces users' rights`}>
                    {weakened.length > 0 ? `Weaker for users: ${weakened.join(', ')}. ` : ''}
                    {selected.notice
                      ? `Announced by ${channelList(selected.notice.channels)} on ${formatDateTime(selected.notice.noticeAt)}.`
                      : selected.status === 'DRAFT'
                        ? 'Publishing it needs a notice to users.'
                        : ''}
                  </Alert>
                )}
                <Paper withBorder p="md">
                  <Title order={3} size="h5" mb="xs">
                    Changes in v{selected.number} against the previous published version
                  </Title>
                  {selected.changes.filter((c) => c.kind !== 'UNCHANGED').length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {selected.number === 1 ? 'The first version: nothing to compare with.' : 'No clause changed.'}
                    </Text>
                  ) : (
                    <HeadedTable label="Changes" headers={['Clause', 'Change', 'Before', 'After']}>
                        {selected.changes
                          .filter((c) => c.kind !== 'UNCHANGED')
                          .map((c) => (
                            <Table.Tr key={`${c.topic}:${c.subject}`}>
                              <Table.Td>
                                {c.topic} <Code>{c.subject}</Code>
                              </Table.Td>
                              <Table.Td>
                                <ChangeBadge kind={c.kind} />
                              </Table.Td>
                              <Table.Td>{clauseValue(c.topic, c.before)}</Table.Td>
                              <Table.Td>{clauseValue(c.topic, c.after)}</Table.Td>
                            </Table.Tr>
                          ))}
                    </HeadedTable>
                  )}
                </Paper>
                <Paper withBorder p="md">
                  <Title order={3} size="h5" mb="xs">
                    Clauses of v{selected.number}
                  </Title>
                  <HeadedTable label="Clauses" headers={['Topic', 'Subject', 'Value', 'Text']}>
                      {selected.clauses.map((c) => (
                        <Table.Tr key={`${c.topic}:${c.subject}`}>
                          <Table.Td>{c.topic}</Table.Td>
                          <Table.Td>
                            <Code>{c.subject}</Code> {c.locked && <Badge size="xs">locked</Badge>}
                          </Table.Td>
                          <Table.Td>{clauseValue(c.topic, c.value)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{c.text ?? ''}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </HeadedTable>
                </Paper>
                {selected.status === 'DRAFT' && impact && <ImpactPreview impact={impact} />}
                {selected.status === 'DRAFT' && mayDraft && (
                  <Group justify="flex-end">
                    <DiscardDraftButton policyKey={policy.key} number={selected.number} onDiscarded={() => void refetch().then(() => setView({ version: null }))} />
                  </Group>
                )}
                {selected.status === 'DRAFT' && (
                  <NoticesPanel policyKey={policy.key} versionId={selected.id} weakened={weakened} noticeDays={noticePeriod.days} canIssue={policy.viewerCanPublish} />
                )}
                {selected.status === 'DRAFT' && policy.viewerCanPublish && (
                  <PublishPanel
                    policyKey={policy.key}
                    number={selected.number}
                    materialReduction={selected.materialReduction}
                    weakened={weakened}
                    noticePeriod={noticePeriod}
                    draftCreatedAt={selected.createdAt}
                    published={policy.versions.filter((v) => v.status === 'PUBLISHED')}
                    onPublished={() => void refetch()}
                  />
                )}
                {selected.status === 'DRAFT' && !policy.viewerCanPublish && (
                  <Text size="sm" c="dimmed">
                    A privacy officer publishes drafts.
                  </Text>
                )}
              </>
            )}
          </Stack>
        );
      }}
    </RecordState>
  );
}
