import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Tabs } from '@mantine/core';

/** Tabs whose choice lives in the URL (`?tab=`), so a reload or a shared link opens the same one; each panel loads when opened. */
export function RoutedTabs({ tabs, children }: { tabs: readonly { value: string; label: string }[]; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const fallback = tabs[0].value;
  const tab = tabs.some((t) => t.value === params.get('tab')) ? params.get('tab')! : fallback;
  return (
    <Tabs value={tab} onChange={(value) => setParams(value && value !== fallback ? { tab: value } : {})} keepMounted={false}>
      <Tabs.List>
        {tabs.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {children}
    </Tabs>
  );
}
