import type { GraphQLClient } from '../client/graphql-client';
import { currentStateQuery } from '../client/operations';
import type { LoadedManifest } from '../manifest/load';
import type { CurrentState } from './plan';

/** The services and processors apply compares. */
export interface StateKeys {
  services: readonly string[];
  processors: readonly string[];
}

/** The services the manifests declare, and the processors they declare or share with. */
export function referencedKeys(manifests: readonly LoadedManifest[]): StateKeys {
  return {
    services: [...new Set(manifests.filter((m) => m.kind === 'Service').map((m) => m.manifest.metadata.key))],
    processors: [
      ...new Set([
        ...manifests.filter((m) => m.kind === 'Processor').map((m) => m.manifest.metadata.key),
        ...manifests.flatMap((m) => (m.kind === 'Service' ? (m.manifest.spec.sharing ?? []).map((s) => s.processor) : [])),
      ]),
    ],
  };
}

/**
 * Reads, in one request, everything apply compares: each service (with
 * inventory, security measures, policy versions and arrangements), each
 * processor, the teams and the taxonomy.
 */
export async function readCurrentState(client: GraphQLClient, keys: StateKeys): Promise<CurrentState> {
  const variables: Record<string, string> = {};
  keys.services.forEach((k, i) => (variables[`s${i}`] = k));
  keys.processors.forEach((k, i) => (variables[`p${i}`] = k));
  const query = currentStateQuery(keys.services.length, keys.processors.length);
  const data = await client.request('read current state', query, variables);
  return {
    services: new Map(keys.services.map((k, i) => [k, data[`s${i}`] ?? null])),
    processors: new Map(keys.processors.map((k, i) => [k, data[`p${i}`] ?? null])),
    teams: new Set(data.teams.map((t) => t.key)),
    dataCategories: new Set(data.dataCategories.map((c) => c.key)),
    dataUses: new Set(data.dataUses.map((u) => u.key)),
  };
}
