import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';
import { RouterLink } from './links';

/**
 * A page's trail (the page it sits under, linked, then `here`), its title and
 * what stands beside the title (badges, actions); `children` go under the title.
 */
export function PageHeading({
  up,
  here,
  title,
  aside,
  asideJustify,
  children,
}: {
  up: { to: string; label: ReactNode };
  here: ReactNode;
  title: ReactNode;
  aside?: ReactNode;
  asideJustify?: 'space-between';
  children?: ReactNode;
}) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        <RouterLink to={up.to}>{up.label}</RouterLink> / {here}
      </Text>
      {aside ? (
        <Group gap="sm" justify={asideJustify}>
          <Title order={2}>{title}</Title>
          {aside}
        </Group>
      ) : (
        <Title order={2}>{title}</Title>
      )}
      {children}
    </div>
  );
}
