import type { ProcessorEntity, UserEntity } from '../../entities';
import type { DatasetContext } from './dataset-context';
import type { OrganisationRows } from './dataset-types';
import { buildGlobalPolicy } from './global-policy';
import { buildPeople } from './people';
import type { PublishedVersion } from './policy-publication';
import { buildProcessors } from './processors';

/** What a service's rows refer to: who works where, the processors, the global version in force. */
export interface OrganisationRefs {
  teamKeys: string[];
  teamIds: string[];
  officerUsers: UserEntity[];
  engineersOfTeam: UserEntity[][];
  processors: ProcessorEntity[];
  processorsWithValidDpa: ProcessorEntity[];
  globalVersion: PublishedVersion;
}

/** The organisation-wide rows (people, processors, the global policy), drawn before any service. */
export function buildOrganisation(ctx: DatasetContext, serviceCount: number): { rows: OrganisationRows; refs: OrganisationRefs } {
  const rows: OrganisationRows = { teams: [], users: [], members: [], tokens: [], processors: [], policies: [], versions: [], clauses: [], audit: [], logins: undefined!, globalPolicyKey: '' };
  const people = buildPeople(ctx, serviceCount, rows.audit);
  const processors = buildProcessors(ctx, serviceCount, people.officerUsers, rows.audit);
  const global = buildGlobalPolicy(ctx, people.officerUsers[0], rows);
  Object.assign(rows, { teams: people.teams, users: people.users, members: people.members, tokens: people.tokens, logins: people.logins, processors: processors.all, globalPolicyKey: global.policy.key });
  return {
    rows,
    refs: {
      teamKeys: people.teams.map((t) => t.key),
      teamIds: people.teams.map((t) => t.id),
      officerUsers: people.officerUsers,
      engineersOfTeam: people.engineersOfTeam,
      processors: processors.all,
      processorsWithValidDpa: processors.withValidDpa,
      globalVersion: global.current,
    },
  };
}
