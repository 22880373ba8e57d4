import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { describeErrors } from '../lib/errors';

/** Loading, error (in words) and empty states, the same on every page. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorMessage({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const errors = describeErrors(error);
  if (errors.length === 0) return null;
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      <Stack gap={4}>
        {errors.map((e, i) => (
          <Text key={i} size="sm">
            {e.message}
          </Text>
        ))}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Center py="xl">
      <Text c="dimmed" ta="center">
        {children}
      </Text>
    </Center>
  );
}

/**
 * Renders the query's states: the loader only while nothing is known yet,
 * the error in words (with retry) when there is no data to show.
 */
export function QueryState<T>({
  loading,
  error,
  data,
  onRetry,
  loadingLabel,
  children,
}: {
  loading: boolean;
  error?: unknown;
  data: T | undefined | null;
  onRetry?: () => void;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (data) {
    return (
      <>
        {error ? <ErrorMessage error={error} title="Some data could not be loaded" onRetry={onRetry} /> : null}
        {children(data)}
      </>
    );
  }
  if (error) return <ErrorMessage error={error} title="Could not load this page" onRetry={onRetry} />;
  if (loading) return <Loading label={loadingLabel} />;
  return <Empty>Nothing to show.</Empty>;
}
