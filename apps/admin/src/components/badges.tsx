import { Badge, Tooltip } from '@mantine/core';

const SEVERITY_COLORS: Record<string, string> = { CRITICAL: 'red', HIGH: 'orange', MEDIUM: 'yellow', LOW: 'blue' };
export const SHARING_COLORS: Record<string, string> = {
  DRAFT: 'gray',
  PENDING_REVIEW: 'orange',
  APPROVED: 'green',
  REJECTED: 'red',
  REVOKED: 'red',
  WITHDRAWN: 'gray',
};
/** EXPIRED and STALE are derived: an approval that no longer counts. */
const ASSESSMENT_COLORS: Record<string, string> = { DRAFT: 'gray', IN_REVIEW: 'orange', APPROVED: 'green', REJECTED: 'red', EXPIRED: 'red', STALE: 'yellow' };
const CONFLICT_COLORS: Record<string, string> = { OPEN: 'orange', RESOLVED: 'green', SUPERSEDED: 'gray' };
const CHANGE_COLORS: Record<string, string> = { ADDED: 'blue', REMOVED: 'gray', STRICTER: 'green', WEAKER: 'red', UNCHANGED: 'gray' };
const LIFECYCLE_COLORS: Record<string, string> = { PLANNED: 'blue', ACTIVE: 'green', DEPRECATED: 'yellow', RETIRED: 'gray' };

const words = (s: string) => s.replace(/_/g, ' ').toLowerCase();

/** Badges never truncate: their words are the information. */
const WHOLE = { miw: 'max-content', style: { overflow: 'visible', flexShrink: 0 } } as const;

export const SeverityBadge = ({ severity }: { severity: string }) => (
  <Badge color={SEVERITY_COLORS[severity] ?? 'gray'} variant="filled" {...WHOLE}>
    {words(severity)}
  </Badge>
);

/** A state in words, coloured by its kind. */
const StateBadge = ({ state, colors }: { state: string; colors: Record<string, string> }) => (
  <Badge color={colors[state] ?? 'gray'} variant="light">
    {words(state)}
  </Badge>
);

export const SharingStatusBadge = ({ status }: { status: string }) => <StateBadge state={status} colors={SHARING_COLORS} />;

export const AssessmentStatusBadge = ({ status }: { status: string }) => <StateBadge state={status} colors={ASSESSMENT_COLORS} />;

export const ConflictStatusBadge = ({ status }: { status: string }) => <StateBadge state={status} colors={CONFLICT_COLORS} />;

export const ChangeBadge = ({ kind }: { kind: string }) => (
  <Badge color={CHANGE_COLORS[kind] ?? 'gray'} variant={kind === 'WEAKER' ? 'filled' : 'light'}>
    {kind}
  </Badge>
);

export const LifecycleBadge = ({ lifecycle }: { lifecycle: string }) => <StateBadge state={lifecycle} colors={LIFECYCLE_COLORS} />;

export const SourceBadge = ({ source }: { source: string }) => (
  <Badge color={source === 'SERVICE' ? 'violet' : 'teal'} variant="light" style={{ overflow: 'visible' }} miw="max-content">
    {source === 'SERVICE' ? 'service policy' : 'global policy'}
  </Badge>
);

/** A taxonomy key, marked when the category is sensitive (two approvals to share, never weakened implicitly). */
export const CategoryBadge = ({ category, sensitive }: { category: string; sensitive?: boolean }) =>
  sensitive ? (
    <Tooltip label="Sensitive category: sharing it needs two approvals">
      <Badge color="red" variant="outline" data-sensitive="true" {...WHOLE}>
        {category} · sensitive
      </Badge>
    </Tooltip>
  ) : (
    <Badge color="gray" variant="outline" {...WHOLE}>
      {category}
    </Badge>
  );
