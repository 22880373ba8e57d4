import { useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Badge, Group, Stack, Tabs } from '@mantine/core';
import { graphql } from '../../gql';
import { RecordState } from '../../components/RecordState';
import { PageHeading } from '../../components/PageHeading';
import { LifecycleBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
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

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'inventory', label: 'Inventory' },
  { value: 'policy', label: 'Effective policy' },
  { value: 'conflicts', label: 'Conflicts' },
  { value: 'sharing', label: 'Sharing' },
  { value: 'findings', label: 'Findings' },
  { value: 'history', label: 'History' },
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
                trail={
                  <>
                    <RouterLink to="/services">Services</RouterLink> / {service.key}
                  </>
                }
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
              <Tabs.Panel value="overview" pt="md">
                <ServiceOverviewTab service={service} onChanged={() => void refetch()} />
              </Tabs.Panel>
              <Tabs.Panel value="inventory" pt="md">
                <InventoryTab serviceKey={service.key} serviceName={service.name} />
              </Tabs.Panel>
              <Tabs.Panel value="policy" pt="md">
                <EffectivePolicyTab serviceKey={service.key} />
              </Tabs.Panel>
              <Tabs.Panel value="conflicts" pt="md">
                <ServiceConflictsTab serviceKey={service.key} />
              </Tabs.Panel>
              <Tabs.Panel value="sharing" pt="md">
                <ServiceSharingTab serviceKey={service.key} mayPropose={service.viewerCanEdit} />
              </Tabs.Panel>
              <Tabs.Panel value="findings" pt="md">
                <ServiceFindingsTab serviceKey={service.key} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <ServiceHistoryTab serviceKey={service.key} />
              </Tabs.Panel>
            </RoutedTabs>
          </Stack>
        );
      }}
    </RecordState>
  );
}
