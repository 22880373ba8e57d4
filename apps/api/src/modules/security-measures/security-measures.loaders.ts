import DataLoader from 'dataloader';
import type { Database } from '../../common/database';
import { measuresOf } from './security-measures.queries';

/** Security measures per service, current or as of an instant: one statement per distinct instant in a batch. */
export function createSecurityMeasureLoaders(db: Database) {
  return {
    securityMeasuresAt: new DataLoader<{ serviceId: string; at: Date | null }, string[], string>(
      async (keys) => {
        const byInstant = new Map<number | null, string[]>();
        for (const k of keys) {
          const instant = k.at ? k.at.getTime() : null;
          byInstant.set(instant, [...(byInstant.get(instant) ?? []), k.serviceId]);
        }
        const results = new Map<string, string[]>();
        for (const [instant, ids] of byInstant) {
          const found = await measuresOf(db.manager, ids, instant === null ? null : new Date(instant));
          for (const id of ids) results.set(`${id}@${instant}`, found.get(id) ?? []);
        }
        return keys.map((k) => results.get(`${k.serviceId}@${k.at ? k.at.getTime() : null}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.serviceId}@${k.at ? k.at.getTime() : null}` },
    ),
  };
}
