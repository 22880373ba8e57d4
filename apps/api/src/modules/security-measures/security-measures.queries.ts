import { EntityManager, In, IsNull } from 'typeorm';
import { SecurityMeasureEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { validAt } from '../../common/history';

/** Each service's measures, in list order: current ones (`at` null), or those valid at `at`. */
export async function measuresOf(m: EntityManager, serviceIds: readonly string[], at: Date | null): Promise<Map<string, string[]>> {
  const rows = await inChunks(serviceIds, (ids) =>
    at
      ? validAt(m.createQueryBuilder(SecurityMeasureEntity, 'm').where('m.serviceId IN (:...ids)', { ids }), 'm', at).getMany()
      : m.find(SecurityMeasureEntity, { where: { serviceId: In(ids), validTo: IsNull() } }),
  );
  rows.sort((a, b) => a.position - b.position);
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.serviceId, [...(map.get(row.serviceId) ?? []), row.measure]);
  return map;
}
