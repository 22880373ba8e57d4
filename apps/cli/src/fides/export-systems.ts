import type { ExportedService } from '../client/operations';
import { FidesLegalBasis, LEGAL_BASIS_FROM_FIDES } from './fideslang-schema';
import { FidesMapping, TaxonomyKind } from './mapping';

const LEGAL_BASIS_TO_FIDES = Object.fromEntries(Object.entries(LEGAL_BASIS_FROM_FIDES).map(([fides, canopy]) => [canopy, fides])) as Record<string, FidesLegalBasis>;

/** A Canopy key the mapping has no fideslang key for: written as it is (a custom key in Fides terms), and listed. */
export interface NotMapped {
  kind: TaxonomyKind;
  key: string;
  services: string[];
}

/**
 * Canopy's services as fideslang systems: one system per service (fides_key
 * = the service key with `-` turned into `_`), one privacy declaration per
 * inventory item and purpose (fideslang declares one data use each), with
 * data categories, use and subjects through the mapping and the legal basis
 * as fideslang names it. What fideslang has no field for travels under
 * `canopy`: the team, lifecycle, minors flag and measures on the system; the
 * item's number (several purposes are several declarations), source, device
 * permission, encryption, retention in days and visibility on each
 * declaration, and the Canopy key itself wherever the fideslang key would not
 * import back as that key. `canopy import fides` reads it all back.
 */
export function exportSystems(services: readonly ExportedService[], mapping: FidesMapping): { manifest: { system: Record<string, unknown>[] }; notMapped: NotMapped[]; declarations: number } {
  const notMapped = new Map<string, NotMapped>();
  let declarations = 0;
  const toFides = (kind: TaxonomyKind, key: string, service: string) => {
    const found = mapping.toFides(kind, key);
    if (found) return found;
    const id = `${kind} ${key}`;
    const entry = notMapped.get(id) ?? { kind, key, services: [] };
    if (!entry.services.includes(service)) entry.services.push(service);
    notMapped.set(id, entry);
    return null;
  };
  const system = services.map((s) => {
    const privacyDeclarations = s.inventory.flatMap((item, i) =>
      item.purposes.map((purpose) => {
        declarations++;
        const category = toFides('dataCategories', item.dataCategory, s.key);
        const use = toFides('dataUses', purpose, s.key);
        const subjects = item.dataSubjects.map((subject) => ({ subject, fides: toFides('dataSubjects', subject, s.key) }));
        const subjectsExact = subjects.every((x) => x.fides?.exact);
        return {
          name: `${item.dataCategory} for ${purpose}`,
          data_categories: [category?.fides ?? item.dataCategory],
          data_use: use?.fides ?? purpose,
          data_subjects: [...new Set(subjects.flatMap((x) => (x.fides ? [x.fides.fides] : [])))],
          legal_basis_for_processing: LEGAL_BASIS_TO_FIDES[item.legalBasis],
          ...(item.retentionDays !== null ? { retention_period: `${item.retentionDays} day${item.retentionDays === 1 ? '' : 's'}` } : {}),
          canopy: {
            item: i + 1,
            ...(category?.exact ? {} : { dataCategory: item.dataCategory }),
            ...(use?.exact ? {} : { purpose }),
            ...(subjectsExact ? {} : { dataSubjects: item.dataSubjects }),
            source: item.source,
            devicePermission: item.devicePermission,
            encryption: item.encryption,
            retentionDays: item.retentionDays,
            publiclyVisible: item.publiclyVisible,
          },
        };
      }),
    );
    return {
      fides_key: s.key.replace(/-/g, '_'),
      name: s.name,
      ...(s.description ? { description: s.description } : {}),
      system_type: 'Service',
      administrating_department: s.team.name,
      ...(s.securityMeasures.length ? { data_security_practices: s.securityMeasures.join('; ') } : {}),
      canopy: { team: s.team.key, lifecycle: s.lifecycle, servesMinors: s.servesMinors, securityMeasures: s.securityMeasures },
      privacy_declarations: privacyDeclarations,
    };
  });
  return { manifest: { system }, notMapped: [...notMapped.values()], declarations };
}
