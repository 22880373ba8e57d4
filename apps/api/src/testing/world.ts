import type { TestDialect } from '@canopy/persistence';
import type { CanopyServerOptions } from '../server';
import { type ClauseInput, expectOk, type ItemInput, publishPolicy, registerProcessor, registerService, setInventory } from './fixtures';
import { TestClock } from './test-clock';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './test-server';

/** Someone the world signs up: a user with roles and team memberships. */
export interface Person {
  email: string;
  roles: string[];
  teams?: string[];
}

/** The people most suites need; a suite names them as it likes (`{ geo: ENGINEER }`). */
export const OFFICER: Person = { email: 'dpo@x.test', roles: ['PRIVACY_OFFICER'] };
export const OFFICER_2: Person = { email: 'dpo2@x.test', roles: ['PRIVACY_OFFICER'] };
export const ENGINEER: Person = { email: 'geo@x.test', roles: ['ENGINEER'], teams: ['geo'] };
export const OTHER_ENGINEER: Person = { email: 'media@x.test', roles: ['ENGINEER'], teams: ['media'] };
export const AUDITOR: Person = { email: 'aud@x.test', roles: ['AUDITOR'] };

/** What a suite starts from; every step goes through the API, in the order of the fields below. */
export interface WorldSpec<P extends string> {
  /** Team keys, created by the admin (named after the key, capitalised). */
  teams?: string[];
  people?: Record<P, Person>;
  /** Services by key, with the owning team and who registers them (the first officer unless told). */
  services?: { key: string; team: string; by?: NoInfer<P>; servesMinors?: boolean }[];
  /** Processors registered by the first officer. */
  processors?: string[];
  /** A GLOBAL policy `general` published by the first officer, in force now. */
  globalPolicy?: ClauseInput[];
  /** Inventories by service key, set by the first officer. */
  inventory?: Record<string, ItemInput[]>;
  env?: Record<string, string>;
  /** Server options but the clock: the world's is a TestClock. */
  options?: Omit<CanopyServerOptions, 'clock'>;
}

export interface World<P extends string> extends TestServer {
  /** A token per person, and the bootstrap admin's. */
  as: Record<P | 'admin', string>;
  /** The server's clock: `clock.advance(ms)` instead of sleeping. */
  clock: TestClock;
}

const capitalised = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** A test server over a fresh database, with the teams, people, services, processors, policy and inventories of `spec`. */
export async function buildWorld<P extends string = never>(dialect: TestDialect, spec: WorldSpec<P> = {}): Promise<World<P>> {
  const clock = new TestClock();
  const t = await startTestServer(dialect, spec.env, { clock, ...spec.options });
  for (const key of spec.teams ?? []) {
    await expectOk(t.gql('mutation($k: String!, $n: String!) { createTeam(key: $k, name: $n) { id } }', { k: key, n: capitalised(key) }));
  }
  const people = Object.entries<Person>(spec.people ?? ({} as Record<P, Person>));
  const as = {} as Record<P | 'admin', string>;
  for (const [name, person] of people) as[name as P] = await t.user(person.email, person.roles, person.teams);
  as.admin = ADMIN_TOKEN;
  const officer = people.find(([, person]) => person.roles.includes('PRIVACY_OFFICER'));
  const officerToken = officer ? as[officer[0] as P] : ADMIN_TOKEN;

  for (const s of spec.services ?? []) await registerService(t, s.by ? as[s.by] : officerToken, s.key, s.team, s.servesMinors);
  for (const key of spec.processors ?? []) await registerProcessor(t, officerToken, key);
  if (spec.globalPolicy) await publishPolicy(t, officerToken, 'general', spec.globalPolicy);
  for (const [serviceKey, items] of Object.entries(spec.inventory ?? {})) await setInventory(t, officerToken, serviceKey, items);
  return { ...t, as, clock };
}

/**
 * Builds the world once for the enclosing `describe` (beforeAll) and closes it
 * after (afterAll). The object returned is filled when the suite starts, so a
 * suite keeps it and its `as` from the start:
 * `const t = useWorld(dialect, { people: { officer: OFFICER } }); const { as } = t;`
 */
export function useWorld<P extends string = never>(dialect: TestDialect, spec: WorldSpec<P> = {}): World<P> {
  const world = { as: {} } as World<P>;
  beforeAll(async () => {
    const { as, ...server } = await buildWorld(dialect, spec);
    Object.assign(world, server);
    Object.assign(world.as, as);
  });
  afterAll(() => world.close());
  return world;
}

/** A fresh server with the team geo, an officer, a geo engineer and an auditor: where most suites start. */
export async function geoWorld(dialect: TestDialect): Promise<{ t: World<'officer' | 'geo' | 'auditor'>; officer: string; geo: string; auditor: string }> {
  const t = await buildWorld(dialect, { teams: ['geo'], people: { officer: OFFICER, geo: ENGINEER, auditor: AUDITOR } });
  return { t, ...t.as };
}
