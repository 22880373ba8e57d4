import { InventoryItemEntity } from '../../entities';
import { CATEGORY_WEIGHTS, ENCRYPTION_RANK, GLOBAL_INDEX, PERMISSIONS, PURPOSES, RETENTIONS } from './catalogue';
import type { Random } from './random';

/**
 * Six to ten items, at most two per category. Four items in five follow the
 * global policy (consent where it asks for consent, retention within its
 * limit, encryption at its level, no prohibited use); the rest are drawn at
 * random, which is where the findings come from.
 */
export function inventoryItems(random: Random, serviceId: string, validFrom: Date): InventoryItemEntity[] {
  const count = random.int(6, 10);
  const picked: string[] = [];
  const perCategory = new Map<string, number>();
  for (let guard = 0; picked.length < count && guard < 200; guard++) {
    const [category, weight] = random.pick(CATEGORY_WEIGHTS);
    if (!random.chance(weight) || (perCategory.get(category) ?? 0) >= 2) continue;
    perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    picked.push(category);
  }
  return picked.map((category) => {
    const permission = PERMISSIONS[category];
    const source = permission ? 'DEVICE_PERMISSION' : category.startsWith('device.') ? 'AUTOMATIC' : random.chance(0.9) ? 'USER_PROVIDED' : 'THIRD_PARTY';
    let purposes = random.sample(PURPOSES, random.weighted([[1, 40], [2, 40], [3, 20]])).sort();
    let legalBasis: string = random.weighted([['CONSENT', 35], ['CONTRACT', 35], ['LEGITIMATE_INTEREST', 20], ['LEGAL_OBLIGATION', 10]]);
    let retentionDays: number | null = random.chance(0.1) ? null : random.pick(RETENTIONS);
    let encryption: string = random.weighted([['AT_REST_AND_IN_TRANSIT', 55], ['IN_TRANSIT', 40], ['NONE', 5]]);
    if (random.chance(0.8)) {
      const use = (purpose: string) => GLOBAL_INDEX.applicable('USE', `${category}:${purpose}`)?.value;
      purposes = purposes.filter((p) => use(p) !== 'PROHIBITED');
      if (!purposes.length) purposes = ['service.provide'];
      const needsConsent =
        GLOBAL_INDEX.applicable('COLLECTION', category)?.value === 'CONSENT' ||
        purposes.some((p) => use(p) === 'CONSENT' || p.startsWith('marketing.'));
      if (needsConsent) legalBasis = 'CONSENT';
      const limit = GLOBAL_INDEX.applicable('RETENTION', category)?.value;
      if (limit && limit !== 'UNLIMITED' && (retentionDays === null || retentionDays > Number(limit))) {
        retentionDays = RETENTIONS.filter((d) => d <= Number(limit)).pop() ?? Number(limit);
      }
      const required = GLOBAL_INDEX.applicable('ENCRYPTION', category)?.value;
      if (required && ENCRYPTION_RANK.indexOf(encryption) < ENCRYPTION_RANK.indexOf(required)) encryption = required;
    }
    return Object.assign(new InventoryItemEntity(), {
      id: random.uuid(),
      serviceId,
      dataCategory: category,
      purposes,
      source,
      devicePermission: permission ?? null,
      legalBasis,
      retentionDays,
      encryption,
      publiclyVisible: category.startsWith('user.content.') && random.chance(0.4),
      dataSubjects: random.pick([['customers'], ['customers', 'employees'], null]),
      validFrom,
      validTo: null,
    });
  });
}
