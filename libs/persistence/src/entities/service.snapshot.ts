import type { ServiceEntity } from './service.entity';

/** What the audit log keeps of a service. */
export const serviceSnapshot = (row: ServiceEntity, teamKey: string) => ({
  key: row.key,
  name: row.name,
  description: row.description,
  team: teamKey,
  lifecycle: row.lifecycle,
  servesMinors: row.servesMinors,
  version: row.version,
});
