import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Tabs } from '@mantine/core';

/** The URL's parameters after a change of tab: the tab (none for the first) and those kept. */
function nextParams(params: URLSearchParams, keep: readonly string[], tab: string | null): Record<string, string> {
  const next: Record<string, string> = {};
  for (const name of keep) {
    const value = params.get(name);
    if (value !== null) next[name] = value;
  }
  return tab ? { tab, ...next } : next;
}

/**
 * Tabs whose choice lives in the URL (`?tab=`), so a reload or a shared link
 * opens the same one; each panel loads when opened. `keep` names the other
 * parameters that outlive a change of tab (the service page's `at`).
 */
export function RoutedTabs({ tabs, keep = [], children }: { tabs: readonly { value: string; label: string }[]; keep?: readonly string[]; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const fallback = tabs[0].value;
  const tab = tabs.some((t) => t.value === params.get('tab')) ? params.get('tab')! : fallback;
  return (
    <Tabs value={tab} onChange={(value) => setParams(nextParams(params, keep, value && value !== fallback ? value : null))} keepMounted={false}>
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
