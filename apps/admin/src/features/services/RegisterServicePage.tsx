import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Stack } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { PageHeading } from '../../components/PageHeading';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { RegistrableTeamsQuery, ServiceFields, useServiceForm } from './service-form';

export const RegisterServiceMutation = graphql(`
  mutation RegisterService($input: RegisterServiceInput!) {
    registerService(input: $input) {
      id
      key
      name
    }
  }
`);

/** /services/new?team=: engineers register services of their teams, officers of any team. */
export function RegisterServicePage() {
  const { data, loading, error, refetch } = useQuery(RegistrableTeamsQuery);
  return (
    <Stack>
      <PageHeading up={{ to: '/services', label: 'Services' }} here="new" title="Register a service" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading teams…">
        {(d) => {
          const teams = d.teams.filter((t) => t.viewerCanRegisterServices);
          if (teams.length === 0) {
            return (
              <Alert color="yellow" title="No team to register for">
                Services are registered by the engineers of the owning team or by a privacy officer, and you belong to no team in a writing
                role.
              </Alert>
            );
          }
          return <RegisterServiceForm teams={teams} />;
        }}
      </QueryState>
    </Stack>
  );
}

function RegisterServiceForm({ teams }: { teams: readonly { key: string; name: string }[] }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const wanted = params.get('team');
  const form = useServiceForm(
    {
      key: '',
      name: '',
      teamKey: teams.some((t) => t.key === wanted) ? wanted! : teams.length === 1 ? teams[0].key : '',
      description: '',
      lifecycle: 'ACTIVE',
      servesMinors: false,
    },
    { withKey: true },
  );
  const [register] = useMutation(RegisterServiceMutation);
  return (
    <FormSection form={form}
      title="The new service"
      intro="After registering, declare its inventory: the personal data it collects, why and for how long."
      action={async (v) => {
        const { data } = await register({
          variables: { input: { key: v.key.trim(), name: v.name.trim(), teamKey: v.teamKey, description: v.description.trim() || null, lifecycle: v.lifecycle, servesMinors: v.servesMinors } },
        });
        notifySaved(`${data?.registerService.name ?? v.name} is registered.`, 'Service registered');
        navigate(`/services/${v.key.trim()}?tab=inventory`);
      }}
      errorTitle="The service was not registered"
      submitLabel="Register service"
      onCancel={() => navigate(-1)}
    >
      <ServiceFields form={form} teams={teams} withKey />
    </FormSection>
  );
}
