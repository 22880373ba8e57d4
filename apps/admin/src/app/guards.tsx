import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Center, Stack } from '@mantine/core';
import { Loading, ErrorMessage } from '../components/QueryState';
import { canOpen, type Section } from './navigation';
import { RouterLink } from '../components/links';
import { useSession } from './session';

/** Only a path inside the console may be a return address (no //host, no scheme). */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/signin')) return '/';
  return next;
}

/** A signed-out visit to any page shows the sign-in page and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading label="Checking your session…" />;
  if (session.status === 'error') {
    return (
      <Center p="xl">
        <Stack>
          <ErrorMessage error={session.error} title="The console cannot reach the API" />
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Center>
    );
  }
  if (session.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function NotAllowed({ what }: { what: string }) {
  return (
    <Alert color="yellow" title="Not available for your role" role="alert">
      Your role cannot open {what}. <RouterLink to="/">Back to your start page</RouterLink>
    </Alert>
  );
}

/** A page some roles cannot use: reaching it by URL shows why, never the page. */
export function RequireSection({ section, what, children }: { section: Section; what: string; children: ReactNode }) {
  const { viewer } = useSession();
  return canOpen(viewer, section) ? <>{children}</> : <NotAllowed what={what} />;
}
