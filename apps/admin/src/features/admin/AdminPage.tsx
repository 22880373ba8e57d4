import { Stack, Tabs, Title } from '@mantine/core';
import { RoutedTabs } from '../../components/RoutedTabs';
import { UsersTab } from './UsersTab';
import { TeamsTab } from './TeamsTab';
import { TokensTab } from './TokensTab';
import { OutboxTab } from './OutboxTab';
import { WebhooksTab } from './WebhooksTab';

const TABS = [
  { value: 'users', label: 'Users', panel: <UsersTab /> },
  { value: 'teams', label: 'Teams', panel: <TeamsTab /> },
  { value: 'tokens', label: 'API tokens', panel: <TokensTab /> },
  { value: 'webhooks', label: 'Webhooks', panel: <WebhooksTab /> },
  { value: 'outbox', label: 'Outbox', panel: <OutboxTab /> },
];

/** /admin?tab=: users (create, roles, teams, deactivate), teams, API tokens (created once, revoked), webhooks, the outbox. */
export function AdminPage() {
  return (
    <Stack>
      <Title order={2}>Users and tokens</Title>
      <RoutedTabs tabs={TABS}>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="md">
            {tab.panel}
          </Tabs.Panel>
        ))}
      </RoutedTabs>
    </Stack>
  );
}
