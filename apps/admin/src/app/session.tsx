import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { hasErrorCode } from '../lib/errors';

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      email
      name
      roles
      teams {
        id
        key
        name
      }
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;

export type Credentials = { email: string; password: string } | { token: string };

interface SessionValue {
  status: 'loading' | 'signed-in' | 'signed-out' | 'error';
  viewer: Viewer | null;
  error?: unknown;
  signIn(credentials: Credentials): Promise<{ ok: true } | { ok: false; message: string }>;
  signOut(): Promise<void>;
  /** Called when the API answers UNAUTHENTICATED: the session ended elsewhere or expired. */
  expire(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The Apollo error link announces an UNAUTHENTICATED answer here; the provider listens. */
export const sessionEvents = new EventTarget();
export const announceSessionExpired = () => sessionEvents.dispatchEvent(new Event('expired'));

async function readLoginError(response: Response): Promise<string> {
  if (response.status === 429) return 'Too many sign-in attempts. Wait a minute and try again.';
  try {
    const body = (await response.json()) as { error?: { message?: string }; errors?: { message?: string }[] };
    const message = body.error?.message ?? body.errors?.[0]?.message;
    if (message) return message;
  } catch {
    // not JSON: fall through to the generic sentence
  }
  return response.status === 401 ? 'Those credentials were not accepted.' : `Sign-in failed (HTTP ${response.status}). Try again in a moment.`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [expired, setExpired] = useState(false);
  const { data, loading, error, refetch } = useQuery(ViewerDocument, { fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });

  const signIn = useCallback<SessionValue['signIn']>(
    async (credentials) => {
      let response: Response;
      try {
        response = await fetch('/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(credentials),
        });
      } catch {
        return { ok: false, message: 'The server cannot be reached. Check your connection and try again.' };
      }
      if (!response.ok) return { ok: false, message: await readLoginError(response) };
      await client.clearStore();
      await refetch();
      setExpired(false);
      return { ok: true };
    },
    [client, refetch],
  );

  const signOut = useCallback(async () => {
    try {
      await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' });
    } finally {
      await client.clearStore();
      setExpired(true);
    }
  }, [client]);

  const expire = useCallback(() => setExpired(true), []);
  useEffect(() => {
    sessionEvents.addEventListener('expired', expire);
    return () => sessionEvents.removeEventListener('expired', expire);
  }, [expire]);

  const value = useMemo<SessionValue>(() => {
    const viewer = data?.viewer ?? null;
    let status: SessionValue['status'];
    if (expired) status = 'signed-out';
    else if (viewer) status = 'signed-in';
    else if (loading) status = 'loading';
    else if (!error || hasErrorCode(error, 'UNAUTHENTICATED')) status = 'signed-out';
    else status = 'error';
    return { status, viewer: status === 'signed-in' ? viewer : null, error, signIn, signOut, expire };
  }, [data, loading, error, expired, signIn, signOut, expire]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in viewer; only used under RequireSession. */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (!viewer) throw new Error('useViewer without a signed-in viewer');
  return viewer;
}

/** For tests: a fixed session. */
export function StaticSession({ viewer, signIn, children }: { viewer: Viewer | null; signIn?: SessionValue['signIn']; children: ReactNode }) {
  const value = useMemo<SessionValue>(
    () => ({
      status: viewer ? 'signed-in' : 'signed-out',
      viewer,
      signIn: signIn ?? (async () => ({ ok: true })),
      signOut: async () => undefined,
      expire: () => undefined,
    }),
    [viewer, signIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
