import { Stack, Tabs, Title } from '@mantine/core';
import { RoutedTabs } from '../../components/RoutedTabs';
import { UsersTab } from './UsersTab';
import { TeamsTab } from './TeamsTab';
import { TokensTab } from './TokensTab';

const TABS = [
  { value: 'users', label: 'Users' },
  { value: 'teams', label: 'Teams' },
  { value: 'tokens', label: 'API tokens' },
];

/** /admin?tab=: users (create, roles, teams, deactivate), teams, API tokens (created once, revoked). */
export function AdminPage() {
  return (
    <Stack>
      <Title order={2}>Users and tokens</Title>
      <RoutedTabs tabs={TABS}>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="md">
          <TeamsTab />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensTab />
        </Tabs.Panel>
      </RoutedTabs>
    </Stack>
  );
}
