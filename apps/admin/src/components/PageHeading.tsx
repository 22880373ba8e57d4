import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

/**
 * A page's trail (where it sits, with links back), its title and what stands
 * beside the title (badges, actions); `children` go under the title.
 */
export function PageHeading({ trail, title, aside, asideJustify, children }: { trail: ReactNode; title: ReactNode; aside?: ReactNode; asideJustify?: 'space-between'; children?: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {trail}
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
