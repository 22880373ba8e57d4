import { Badge } from '@mantine/core';
import { dpaStanding, type DpaStanding, type DpaState } from '@canopy/domain';
import { formatDate, plural } from '../lib/format';

export interface DpaDates {
  dpaSignedAt?: string | null;
  dpaExpiresAt?: string | null;
}

const DPA_COLORS: Record<DpaState, string> = { VALID: 'green', EXPIRING: 'yellow', EXPIRED: 'red', NONE: 'gray' };
const toDate = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** The domain's standing of a DPA in words. */
export function dpaLabel(processor: DpaDates, standing: DpaStanding): string {
  const days = standing.daysLeft ?? 0;
  switch (standing.state) {
    case 'NONE':
      return processor.dpaSignedAt ? `Not in force yet: signed for ${formatDate(processor.dpaSignedAt)}` : 'No DPA signed';
    case 'EXPIRED':
      return `Expired on ${formatDate(processor.dpaExpiresAt)}`;
    case 'EXPIRING':
      return `Expires in ${plural(days, 'day')} (${formatDate(processor.dpaExpiresAt)})`;
    case 'VALID':
      return processor.dpaExpiresAt ? `Valid until ${formatDate(processor.dpaExpiresAt)}` : `Valid (signed ${formatDate(processor.dpaSignedAt)}, no expiry)`;
  }
}

/** Where a processor's DPA stands now: valid, expiring within the renewal window, expired or none. */
export function DpaBadge({ processor, now = new Date() }: { processor: DpaDates; now?: Date }) {
  const standing = dpaStanding({ dpaSignedAt: toDate(processor.dpaSignedAt), dpaExpiresAt: toDate(processor.dpaExpiresAt) }, now);
  return (
    <Badge color={DPA_COLORS[standing.state]} variant="light" data-dpa={standing.state}>
      {dpaLabel(processor, standing)}
    </Badge>
  );
}
