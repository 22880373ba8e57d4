import { InventoryItemEntity, itemSnapshot, ServiceEntity, serviceSnapshot } from '../../entities';
import { DOMAINS, KINDS } from './catalogue';
import { actor, DatasetContext, DAY } from './dataset-context';
import type { ServiceChunkRows } from './dataset-types';
import { inventoryItems } from './inventory-items';
import type { OrganisationRefs } from './organisation';

export interface RegisteredService {
  row: ServiceEntity;
  teamIndex: number;
  /** The categories its current inventory lists. */
  currentCategories: string[];
}

/** The service (number `index`, from 0) of a random team, its inventory a day later, and for one in five a later replacement of a few items. */
export function registerService(ctx: DatasetContext, org: OrganisationRefs, index: number, out: ServiceChunkRows): RegisteredService {
  const { random } = ctx;
  const teamIndex = random.int(0, org.teamIds.length - 1);
  const created = ctx.between(ctx.at(700), ctx.at(200));
  const key = `${random.pick(DOMAINS)}-${random.pick(KINDS)}-${String(index + 1).padStart(5, '0')}`;
  const version = random.weighted([[1, 6], [2, 3], [3, 1]]);
  const row = Object.assign(new ServiceEntity(), {
    id: random.uuid(),
    key,
    name: key.split('-').slice(0, 2).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') + ` ${index + 1}`,
    description: random.chance(0.7) ? `Handles ${key.split('-')[0]} for our users.` : null,
    teamId: org.teamIds[teamIndex],
    lifecycle: random.weighted([['ACTIVE', 80], ['PLANNED', 8], ['DEPRECATED', 8], ['RETIRED', 4]]),
    servesMinors: random.chance(0.05),
    version,
    createdAt: created,
    updatedAt: version > 1 ? ctx.between(created, ctx.at(30)) : created,
  });
  out.services.push(row);
  const engineer = random.pick(org.engineersOfTeam[teamIndex]);
  out.audit.push({ at: created, ...actor(engineer), action: 'service.registered', entityType: 'service', entityId: key, after: serviceSnapshot({ ...row, version: 1 }, org.teamKeys[teamIndex]) });

  const items = inventoryItems(random, row.id, new Date(created.getTime() + DAY));
  out.audit.push({ at: items[0].validFrom, ...actor(engineer), action: 'inventory.replaced', entityType: 'service', entityId: key, before: { items: [] }, after: { items: items.map(itemSnapshot), added: items.length, removed: 0, kept: 0 } });
  let current = items;
  if (random.chance(0.2)) {
    // A later replacement: one to three items changed, the rest kept; the old rows closed, never updated otherwise.
    const when = ctx.between(new Date(created.getTime() + 30 * DAY), ctx.at(10));
    const changed = random.sample(items, random.int(1, Math.min(3, items.length)));
    const replacements = changed.map((old) =>
      Object.assign(new InventoryItemEntity(), { ...old, id: random.uuid(), retentionDays: random.pick([30, 90, 180, 365]), encryption: 'AT_REST_AND_IN_TRANSIT', validFrom: when, validTo: null }),
    );
    for (const old of changed) old.validTo = when;
    current = [...items.filter((it) => !changed.includes(it)), ...replacements];
    out.inventory.push(...items, ...replacements);
    out.audit.push({
      at: when,
      ...actor(engineer),
      action: 'inventory.replaced',
      entityType: 'service',
      entityId: key,
      before: { items: items.map(itemSnapshot) },
      after: { items: current.map(itemSnapshot), added: replacements.length, removed: changed.length, kept: items.length - changed.length },
    });
  } else {
    out.inventory.push(...items);
  }
  return { row, teamIndex, currentCategories: [...new Set(current.map((it) => it.dataCategory))] };
}
