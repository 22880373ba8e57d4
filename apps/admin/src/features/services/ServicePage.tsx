import type { ReactNode } from 'react';
import { useParams } from 'react-router';
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

/** Each tab and its panel; `onChanged` reloads the page's own query. */
const TABS: { value: string; label: string; panel: (service: Service, onChanged: () => void) => ReactNode }[] = [
  { value: 'overview', label: 'Overview', panel: (s, onChanged) => <ServiceOverviewTab service={s} onChanged={onChanged} /> },
  { value: 'inventory', label: 'Inventory', panel: (s) => <InventoryTab serviceKey={s.key} serviceName={s.name} /> },
  { value: 'policy', label: 'Effective policy', panel: (s) => <EffectivePolicyTab serviceKey={s.key} /> },
  { value: 'conflicts', label: 'Conflicts', panel: (s) => <ServiceConflictsTab serviceKey={s.key} /> },
  { value: 'sharing', label: 'Sharing', panel: (s) => <ServiceSharingTab serviceKey={s.key} mayPropose={s.viewerCanEdit} /> },
  { value: 'findings', label: 'Findings', panel: (s) => <ServiceFindingsTab serviceKey={s.key} /> },
  { value: 'history', label: 'History', panel: (s) => <ServiceHistoryTab serviceKey={s.key} /> },
];

/** /services/:key?tab=… — each tab loads its own data when opened. */
export function ServicePage() {
  const { key = '' } = useParams();
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
            <RoutedTabs tabs={TABS}>
              {TABS.map((t) => (
                <Tabs.Panel key={t.value} value={t.value} pt="md">
                  {t.panel(service, () => void refetch())}
                </Tabs.Panel>
              ))}
            </RoutedTabs>
          </Stack>
        );
      }}
    </RecordState>
  );
}
