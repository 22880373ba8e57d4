import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { Box, Text } from '@mantine/core';

/**
 * GraphiQL, bundled from npm (no CDN), at /explorer. Requests go to /graphql
 * on this origin with the session cookie, so they run with the viewer's role.
 */
const fetcher = createGraphiQLFetcher({
  url: `${window.location.origin}/graphql`,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

const DEFAULT_QUERY = `# Runs as you, with your session. Try:
query Me {
  viewer {
    email
    roles
  }
  services(first: 5) {
    totalCount
    edges {
      node {
        key
        name
        team { key }
      }
    }
  }
}
`;

export default function ExplorerPage() {
  return (
    <Box>
      <Text size="sm" c="dimmed" mb="xs">
        The GraphQL API, with your session and your role&apos;s permissions. The schema is in the Docs panel.
      </Text>
      <Box h="calc(100vh - 140px)" style={{ border: '1px solid var(--mantine-color-gray-3)' }} data-testid="explorer">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </Box>
    </Box>
  );
}
