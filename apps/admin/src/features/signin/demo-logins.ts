import type { Role } from '@canopy/domain';

export interface DemoLogin {
  email: string;
  name?: string;
  roles: Role[];
  password: string;
}

/**
 * The API lists the demo accounts only when it runs in demo mode, at
 * GET /auth/demo-logins (404 otherwise): the sign-in page shows them only then.
 * Accepts `{ password, logins: [{ email, name?, roles }] }` or
 * `{ logins: [{ email, password, roles }] }`.
 */
export async function fetchDemoLogins(signal?: AbortSignal): Promise<DemoLogin[]> {
  try {
    const response = await fetch('/auth/demo-logins', { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return [];
    return parseDemoLogins(await response.json());
  } catch {
    return [];
  }
}

export function parseDemoLogins(body: unknown): DemoLogin[] {
  const object = (body ?? {}) as { password?: unknown; logins?: unknown; demo?: unknown };
  if (object.demo === false) return [];
  const list = Array.isArray(body) ? body : Array.isArray(object.logins) ? object.logins : [];
  return list
    .map((entry) => entry as { email?: unknown; name?: unknown; roles?: unknown; password?: unknown })
    .filter((e) => typeof e.email === 'string' && (typeof e.password === 'string' || typeof object.password === 'string'))
    .map((e) => ({
      email: e.email as string,
      name: typeof e.name === 'string' ? e.name : undefined,
      roles: Array.isArray(e.roles) ? (e.roles as Role[]) : [],
      password: (typeof e.password === 'string' ? e.password : object.password) as string,
    }));
}
