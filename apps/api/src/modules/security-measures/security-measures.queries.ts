import { EntityManager, In, IsNull } from 'typeorm';
import { SecurityMeasureEntity } from '@canopy/persistence';

/** Keeps bound-variable lists under SQLite's 32,766 limit. */
const CHUNK = 10_000;

async function chunked<T>(ids: readonly string[], fetch: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await fetch(unique.slice(i, i + CHUNK))));
  return out;
}

/** Each service's measures, in list order: current ones, or those valid at `at` (valid_from <= at < valid_to). */
export async function measuresOf(m: EntityManager, serviceIds: readonly string[], at: Date | null): Promise<Map<string, string[]>> {
  const rows = await chunked(serviceIds, (ids) =>
    at
      ? m
          .createQueryBuilder(SecurityMeasureEntity, 'm')
          .where('m.serviceId IN (:...ids)', { ids })
          .andWhere('m.validFrom <= :at AND (m.validTo IS NULL OR m.validTo > :at)', { at })
          .getMany()
      : m.find(SecurityMeasureEntity, { where: { serviceId: In(ids), validTo: IsNull() } }),
  );
  rows.sort((a, b) => a.position - b.position);
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.serviceId, [...(map.get(row.serviceId) ?? []), row.measure]);
  return map;
}
