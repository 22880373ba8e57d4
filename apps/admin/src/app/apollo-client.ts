import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';

/** Types the cache identifies by a field other than `id`: every selection of them must include it. */
export const KEY_FIELDS: Record<string, string> = {
  Service: 'key',
  Processor: 'key',
  Policy: 'key',
  AuditEvent: 'seq',
  Team: 'key',
  DataCategory: 'key',
  DataUse: 'key',
};

/**
 * One origin: the console is served by the API, so /graphql receives the
 * httpOnly session cookie set by POST /auth/login (SameSite=Strict). When the
 * session ends mid-visit, `onUnauthenticated` sends the reviewer to sign in.
 */
export function createApolloClient(onUnauthenticated: () => void, uri = '/graphql'): ApolloClient {
  const errors = new ErrorLink(({ error }) => {
    const unauthenticated =
      (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) ||
      (ServerError.is(error) && error.statusCode === 401);
    if (unauthenticated) onUnauthenticated();
  });
  return new ApolloClient({
    link: ApolloLink.from([errors, new HttpLink({ uri, credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        ...Object.fromEntries(Object.entries(KEY_FIELDS).map(([type, field]) => [type, { keyFields: [field] }])),
        // Value objects without an identity of their own: stored inside their parent.
        EffectivePolicy: { keyFields: false },
        EffectiveClause: { keyFields: false },
        PolicyClause: { keyFields: false },
        ClauseChange: { keyFields: false },
        SharingCheck: { keyFields: false },
        SharingApproval: { keyFields: false },
        Finding: { keyFields: false },
        AuditVerification: { keyFields: false },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
