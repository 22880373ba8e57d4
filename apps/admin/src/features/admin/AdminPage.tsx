import { useSearchParams } from 'react-router';
import { Stack, Tabs, Title } from '@mantine/core';
import { UsersTab } from './UsersTab';
import { TeamsTab } from './TeamsTab';
import { TokensTab } from './TokensTab';

const TABS = [
  { value: 'users', label: 'Users' },
  { value: 'teams', label: 'Teams' },
  { value: 'tokens', label: 'API tokens' },
] as const;

/** /admin?tab=: users (create, roles, teams, deactivate), teams, API tokens (created once, revoked). */
export function AdminPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.value === params.get('tab')) ? params.get('tab')! : 'users';
  return (
    <Stack>
      <Title order={2}>Users and tokens</Title>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'users' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="md">
          <TeamsTab />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
