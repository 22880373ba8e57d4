import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Stack, Text } from '@mantine/core';
import { graphql } from '../../gql';
import type { AssessmentKind } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { RouterLink } from '../../components/links';
import { PageHeading } from '../../components/PageHeading';
import { assessmentSubject, KIND_NAMES } from './assessment-words';
import { AssessmentEditor } from './AssessmentEditor';

export const NewAssessmentQuery = graphql(`
  query NewAssessment($kind: AssessmentKind!, $serviceKey: String!, $arrangementId: ID!, $tia: Boolean!) {
    assessmentQuestionnaire(kind: $kind) {
      kind
      version
      questions {
        id
        text
      }
    }
    service(key: $serviceKey) {
      id
      key
      name
      viewerCanEdit
    }
    sharingArrangement(id: $arrangementId) @include(if: $tia) {
      id
      service {
        id
        key
      }
      processor {
        id
        key
        name
      }
    }
  }
`);

/** /assessments/new?kind=DPIA&service=… (or kind=TIA&…&arrangement=…): every question blank; nothing is saved until the draft is saved or submitted. */
export function NewAssessmentPage() {
  const [params] = useSearchParams();
  const kind: AssessmentKind = params.get('kind') === 'TIA' ? 'TIA' : 'DPIA';
  const serviceKey = params.get('service') ?? '';
  const arrangementId = params.get('arrangement') ?? '';
  const { data, loading, error, refetch } = useQuery(NewAssessmentQuery, { variables: { kind, serviceKey, arrangementId, tia: kind === 'TIA' } });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the questionnaire…">
      {(d) => {
        const arrangement = kind === 'TIA' ? d.sharingArrangement : null;
        if (!d.service || (kind === 'TIA' && (!arrangement || arrangement.service.key !== d.service.key))) {
          return (
            <Alert color="gray" title="Nothing to assess">
              {kind === 'TIA' ? 'No sharing arrangement of this service has this id.' : 'No service has this key.'}{' '}
              <RouterLink to="/assessments">Back to the assessments</RouterLink>
            </Alert>
          );
        }
        const name = assessmentSubject({ service: d.service, sharingArrangement: arrangement });
        const up = arrangement ? { to: `/sharing/${arrangement.id}`, label: name } : { to: `/services/${d.service.key}`, label: d.service.name };
        return (
          <Stack>
            <PageHeading up={up} here={`New ${kind}`} title={`New ${kind} · ${name}`}>
              <Text size="sm" c="dimmed">
                {KIND_NAMES[kind]}, on questionnaire version {d.assessmentQuestionnaire.version}.
              </Text>
            </PageHeading>
            {d.service.viewerCanEdit ? (
              <AssessmentEditor
                subject={{ kind, serviceKey: d.service.key, sharingArrangementId: arrangement?.id, questionnaireVersion: d.assessmentQuestionnaire.version, name }}
                initial={{ answers: d.assessmentQuestionnaire.questions.map((q) => ({ questionId: q.id, question: q.text, answer: '' })), risks: [], reviewDueAt: null }}
                saved={null}
              />
            ) : (
              <Alert color="gray" title="You may not draft this assessment">
                Privacy officers and the engineers of the team owning {d.service.name} draft its assessments.
              </Alert>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
