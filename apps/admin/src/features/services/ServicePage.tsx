import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Badge, Group, Stack, Tabs } from '@mantine/core';
import { graphql } from '../../gql';
import type { ServicePageQuery as ServicePageQueryData } from '../../gql/graphql';
import { RecordState } from '../../components/RecordState';
import { PageHeading } from '../../components/PageHeading';
import { LifecycleBadge } from '../../components/badges';
import { RoutedTabs } from '../../components/RoutedTabs';
import { NotFoundAlert } from '../../components/NotFoundAlert';
import { InventoryTab } from './InventoryTab';
import { ServiceOverviewTab } from './ServiceOverviewTab';
import { EffectivePolicyTab } from './EffectivePolicyTab';
import { ServiceConflictsTab } from './ServiceConflictsTab';
import { ServiceSharingTab } from './ServiceSharingTab';
import { ServiceFindingsTab } from './ServiceFindingsTab';
import { ServiceHistoryTab } from './ServiceHistoryTab';
import { AsOfBanner, useAsOf } from './AsOfBanner';

export const ServicePageQuery = graphql(`
  query ServicePage($key: String!) {
    service(key: $key) {
      id
      key
      name
      description
      lifecycle
      servesMinors
      version
      createdAt
      updatedAt
      viewerCanEdit
      securityMeasures
      team {
        id
        key
        name
      }
      policy {
        id
        key
        title
      }
    }
  }
`);

type Service = NonNullable<ServicePageQueryData['service']>;

/** Each tab and its panel; `onChanged` reloads the page's own query; `at` is the instant the time-travelling tabs show (null: now). */
const TABS: { value: string; label: string; panel: (service: Service, onChanged: () => void, at: string | null) => ReactNode }[] = [
  { value: 'overview', label: 'Overview', panel: (s, onChanged) => <ServiceOverviewTab service={s} onChanged={onChanged} /> },
  { value: 'inventory', label: 'Inventory', panel: (s, _, at) => <InventoryTab serviceKey={s.key} serviceName={s.name} at={at} /> },
  { value: 'policy', label: 'Effective policy', panel: (s, _, at) => <EffectivePolicyTab serviceKey={s.key} at={at} /> },
  { value: 'conflicts', label: 'Conflicts', panel: (s) => <ServiceConflictsTab serviceKey={s.key} /> },
  { value: 'sharing', label: 'Sharing', panel: (s, _, at) => <ServiceSharingTab serviceKey={s.key} mayPropose={s.viewerCanEdit} at={at} /> },
  { value: 'findings', label: 'Findings', panel: (s, _, at) => <ServiceFindingsTab serviceKey={s.key} at={at} /> },
  { value: 'history', label: 'History', panel: (s) => <ServiceHistoryTab serviceKey={s.key} /> },
];

/** /services/:key?tab=…&at=… — each tab loads its own data when opened; with `at`, the past under one banner. */
export function ServicePage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const { at } = useAsOf();
  const tab = TABS.find((t) => t.value === params.get('tab'))?.value ?? TABS[0].value;
  const result = useQuery(ServicePageQuery, { variables: { key } });
  const { refetch } = result;

  return (
    <RecordState result={result} loadingLabel="Loading the service…" pick={(d) => d.service} notFound={<NotFoundAlert what="service" keyValue={key} back="/services" backLabel="All services" />}>
      {(service) => {
        return (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <PageHeading
                up={{ to: '/services', label: 'Services' }}
                here={service.key}
                title={service.name}
              />
              <Group gap="xs">
                <LifecycleBadge lifecycle={service.lifecycle} />
                {service.servesMinors && (
                  <Badge color="grape" variant="light">
                    serves minors
                  </Badge>
                )}
              </Group>
            </Group>
            <AsOfBanner tab={tab} />
            <RoutedTabs tabs={TABS} keep={['at']}>
              {TABS.map((t) => (
                <Tabs.Panel key={t.value} value={t.value} pt="md">
                  {t.panel(service, () => void refetch(), at)}
                </Tabs.Panel>
              ))}
            </RoutedTabs>
          </Stack>
        );
      }}
    </RecordState>
  );
}
