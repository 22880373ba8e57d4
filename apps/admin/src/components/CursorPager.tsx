import type { ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button, Group, Text } from '@mantine/core';

/**
 * Cursor pagination for a list page: the cursor lives in the URL (?after=), so a
 * reload or a shared link shows the same page; the cursors of earlier pages ride
 * in history state for the Previous button.
 */
export function useCursorPages() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const earlier: string[] = (location.state as { cursors?: string[] } | null)?.cursors ?? [];
  const after = params.get('after');
  const goTo = (cursor: string | null, cursors: string[]) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    navigate({ search: next.toString() ? `?${next}` : '' }, { state: { cursors } });
  };
  return {
    after,
    /** How many pages come before this one. */
    earlierPages: earlier.length,
    previous: () => goTo(earlier[earlier.length - 1] ?? null, earlier.slice(0, -1)),
    next: (endCursor: string | null) => goTo(endCursor, [...earlier, after ?? '']),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/** Where the list stands (`status`) and the Previous / Next page buttons. */
export function CursorPager({ pages, pageInfo, status }: { pages: CursorPages; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; status: ReactNode }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {status}
      </Text>
      <Group>
        <Button variant="default" disabled={!pages.after} onClick={pages.previous}>
          Previous page
        </Button>
        <Button variant="default" disabled={!pageInfo.hasNextPage} onClick={() => pages.next(pageInfo.endCursor ?? null)}>
          Next page
        </Button>
      </Group>
    </Group>
  );
}
