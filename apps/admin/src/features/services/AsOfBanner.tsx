import { useSearchParams } from 'react-router';
import { Alert, Button, Group, Text } from '@mantine/core';
import { InstantInput } from '../../components/forms/DateFields';
import { formatDateTime } from '../../lib/format';

/** The service tabs that read `?at=`: they show things as they stood then, and change nothing. */
export const TIME_TRAVEL_TABS: readonly string[] = ['inventory', 'policy', 'sharing', 'findings'];

/** The service page's "as of" instant, kept in the URL (`?at=`) so a view of the past can be shared; null is now. */
export function useAsOf(): { at: string | null; setAt: (iso: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const setAt = (iso: string | null) => {
    const next = new URLSearchParams(params);
    if (iso) next.set('at', iso);
    else next.delete('at');
    setParams(next);
  };
  return { at: params.get('at'), setAt };
}

/**
 * One banner for the whole service page while it shows the past, with the way
 * back to now; the instant is chosen on the tabs that honour it.
 */
export function AsOfBanner({ tab }: { tab: string }) {
  const { at, setAt } = useAsOf();
  const honoured = TIME_TRAVEL_TABS.includes(tab);
  if (!at && !honoured) return null;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      {honoured && <InstantInput label="As of" description="Leave empty for now" value={at} onChange={setAt} w={240} />}
      {at && (
        <Alert
          color="indigo"
          title={`As of ${formatDateTime(at)}`}
          role="status"
          data-testid="as-of-banner"
          style={{ flex: 1, minWidth: 320 }}
        >
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm">
              The inventory, effective policy, sharing and findings are shown as they stood then, and cannot be changed from here. The overview, conflicts and
              history show the present.
            </Text>
            <Button variant="default" onClick={() => setAt(null)} style={{ flexShrink: 0 }}>
              Back to now
            </Button>
          </Group>
        </Alert>
      )}
    </Group>
  );
}
