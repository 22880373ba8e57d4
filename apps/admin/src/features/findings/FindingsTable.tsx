import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Code, Text, Tooltip } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { FindingRow_FindingFragment } from '../../gql/graphql';
import { DataTable } from '../../components/DataTable';
import { SeverityBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { formatDate, formatDateTime, plural } from '../../lib/format';
import { LinkedSentence } from '../../components/LinkedSentence';
import { AcceptFindingButton } from './AcceptFindingButton';

export const FindingRow_finding = graphql(`
  fragment FindingRow_finding on Finding {
    rule
    severity
    dataCategory
    message
    accepted
    viewerCanAccept
    acceptedUntil
    acceptanceRationale
    acceptedBy {
      id
      email
    }
    service {
      id
      key
      name
    }
    clause {
      topic
      subject
      value
      source
    }
  }
`);

/** A rule's name, allowed to wrap after its underscores (a `<wbr>` adds no text), so the column stays narrow at 1024 pixels. */
const breakableRule = (rule: string) => rule.split('_').map((word, n, all) => <span key={n}>{word}{n < all.length - 1 && <>_<wbr /></>}</span>);

const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const column = createColumnHelper<FindingRow_FindingFragment>();

/** Findings, most severe first; with `asOf`, those measured at a past instant, which nobody accepts from here. */
export function FindingsTable({
  findings,
  showService = true,
  severity = null,
  asOf = null,
  onChanged,
}: {
  findings: readonly FragmentType<typeof FindingRow_finding>[];
  showService?: boolean;
  severity?: string | null;
  asOf?: string | null;
  onChanged?: () => void;
}) {
  const rows = findings
    .map((f) => getFragmentData(FindingRow_finding, f))
    .filter((f) => !severity || f.severity === severity)
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const columns = [
    column.accessor('severity', { header: 'Severity', cell: (i) => <SeverityBadge severity={i.getValue()} /> }),
    column.accessor('rule', { header: 'Rule', cell: (i) => <Code>{breakableRule(i.getValue())}</Code> }),
    ...(showService
      ? [column.accessor((r) => r.service.name, { id: 'service', header: 'Service', cell: (i) => <RouterLink to={`/services/${i.row.original.service.key}?tab=findings`}>{i.getValue()}</RouterLink> })]
      : []),
    column.accessor('dataCategory', { header: 'Category', cell: (i) => i.getValue() ?? '—' }),
    column.accessor('message', {
      header: 'Finding',
      cell: (i) => (
        <div>
          <Text size="sm">
            <LinkedSentence message={i.getValue()} />
          </Text>
          {i.row.original.clause && (
            <Text size="xs" c="dimmed">
              Measured against {i.row.original.clause.topic} {i.row.original.clause.subject} = {i.row.original.clause.value} ({i.row.original.clause.source.toLowerCase()})
            </Text>
          )}
        </div>
      ),
    }),
    column.accessor('accepted', {
      header: 'Status',
      cell: (i) => {
        const f = i.row.original;
        if (f.accepted) {
          return (
            <Tooltip label={`${f.acceptanceRationale ?? ''} (${f.acceptedBy?.email ?? 'an officer'})`} multiline w={280}>
              <Badge color="gray" variant="light">
                accepted until {formatDate(f.acceptedUntil)}
              </Badge>
            </Tooltip>
          );
        }
        return f.viewerCanAccept && !asOf ? <AcceptFindingButton finding={f} onAccepted={() => onChanged?.()} /> : <Text size="sm">open</Text>;
      },
    }),
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r, index) => `${r.service.key}-${r.rule}-${r.dataCategory ?? ''}-${index}`}
      caption={`${plural(rows.length, 'finding')}, ${asOf ? `measured as things stood on ${formatDateTime(asOf)}` : 'computed from current data'}`}
      empty="No findings: everything declared matches the effective policy."
    />
  );
}
