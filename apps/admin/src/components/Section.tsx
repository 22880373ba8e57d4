import type { FormEventHandler, ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

/**
 * A bordered part of a page with its heading (named for screen readers) and
 * an optional line of explanation; with `onSubmit` it is a form.
 */
export function Section({
  title,
  label = title,
  intro,
  children,
  onSubmit,
}: {
  title: string;
  label?: string;
  intro?: ReactNode;
  children: ReactNode;
  onSubmit?: FormEventHandler<HTMLFormElement>;
}) {
  const body = (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  );
  return onSubmit ? (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label={label} noValidate>
      {body}
    </Paper>
  ) : (
    <Paper withBorder p="md" component="section" aria-label={label}>
      {body}
    </Paper>
  );
}
