import type { GraphQLClient } from '../client/graphql-client';
import { currentStateQuery } from '../client/operations';
import type { LoadedManifest } from '../manifest/load';
import type { CurrentState } from './plan';

/**
 * Reads, in one request, everything apply compares: each declared service
 * (with inventory, security measures, policy versions and arrangements),
 * each declared or referenced processor, the teams and the taxonomy.
 */
export async function readCurrentState(client: GraphQLClient, manifests: readonly LoadedManifest[]): Promise<CurrentState> {
  const serviceKeys = [...new Set(manifests.filter((m) => m.kind === 'Service').map((m) => m.manifest.metadata.key))];
  const processorKeys = [
    ...new Set([
      ...manifests.filter((m) => m.kind === 'Processor').map((m) => m.manifest.metadata.key),
      ...manifests.flatMap((m) => (m.kind === 'Service' ? (m.manifest.spec.sharing ?? []).map((s) => s.processor) : [])),
    ]),
  ];
  const variables: Record<string, string> = {};
  serviceKeys.forEach((k, i) => (variables[`s${i}`] = k));
  processorKeys.forEach((k, i) => (variables[`p${i}`] = k));
  const query = currentStateQuery(serviceKeys.length, processorKeys.length);
  const data = await client.request('read current state', query, variables);
  return {
    services: new Map(serviceKeys.map((k, i) => [k, data[`s${i}`] ?? null])),
    processors: new Map(processorKeys.map((k, i) => [k, data[`p${i}`] ?? null])),
    teams: new Set(data.teams.map((t) => t.key)),
    dataCategories: new Set(data.dataCategories.map((c) => c.key)),
    dataUses: new Set(data.dataUses.map((u) => u.key)),
  };
}
