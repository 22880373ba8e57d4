import { sameSet } from '../apply/normalise';
import type { CurrentState } from '../apply/plan';
import type { InventoryItemData, ServiceState } from '../client/operations';
import type { ManifestProblem } from '../errors';
import type { DocumentOrigin, LoadedManifest } from '../manifest/load';
import type { InventoryItemManifest, ServiceManifest } from '../manifest/schema';
import { API_VERSION } from '../manifest/vocabulary';
import { DraftItem, ITEM_FIELDS, ItemField, ServiceDraft } from './import-systems';

/**
 * What a Fides manifest leaves out, made whole. A field the manifest does
 * not give stays as Canopy holds it, like a field left out of a canopy.yaml:
 * the service's name, team, lifecycle, minors flag and measures, and an
 * inventory item's facts (taken from the current item of the same data
 * category, the one with the same purposes first). A new item gets the
 * values below; they claim the least, so an unknown fact raises findings
 * rather than hiding them: no encryption, kept indefinitely, a legal basis
 * other than consent. (The API has no "unknown" source, encryption or legal
 * basis; every such value is listed in the output.)
 */
export const NEW_ITEM_DEFAULTS: Pick<InventoryItemManifest, ItemField> = {
  legalBasis: 'LEGITIMATE_INTEREST',
  source: 'AUTOMATIC',
  devicePermission: null,
  encryption: 'NONE',
  retentionDays: null,
  publiclyVisible: false,
};

export const FIELD_LABEL: Record<string, string> = {
  name: 'name',
  team: 'team',
  lifecycle: 'lifecycle',
  servesMinors: 'serves minors',
  securityMeasures: 'security measures',
  legalBasis: 'legal basis',
  source: 'source',
  devicePermission: 'device permission',
  encryption: 'encryption',
  retentionDays: 'retention in days',
  publiclyVisible: 'publicly visible',
};

/** A field the manifest did not give, and what the import does about it. */
export interface UnsetField {
  field: string;
  /** kept: as Canopy holds it; default: a new item's value; --team: from the option; key: a new service named by its key. */
  from: 'kept' | 'default' | '--team' | 'key' | 'unchanged';
  value?: unknown;
  /** What the manifest says instead, e.g. fideslang's free-text retention_period. */
  note?: string;
}

export interface UnsetReport {
  file: string;
  document: number;
  line?: number;
  path: string;
  service: string;
  item?: { dataCategory: string; purposes: string[] };
  fields: UnsetField[];
}

export function resolveDrafts(drafts: readonly ServiceDraft[], state: CurrentState): { manifests: LoadedManifest[]; unset: UnsetReport[]; problems: ManifestProblem[] } {
  const manifests: LoadedManifest[] = [];
  const unset: UnsetReport[] = [];
  const problems: ManifestProblem[] = [];
  for (const draft of drafts) {
    const current = state.services.get(draft.key) ?? null;
    const origin = originOf(draft);
    const report = (path: string, fields: UnsetField[], item?: UnsetReport['item']) => {
      if (fields.length) unset.push({ file: draft.source.file, document: draft.source.document, line: draft.source.lineOf(path), path, service: draft.key, item, fields });
    };
    const team = draft.team?.key ?? current?.team.key;
    if (!team) {
      problems.push(origin.problem('metadata.team', `no team for new service "${draft.key}": give canopy.team in the manifest, or --team`));
      continue;
    }
    const systemFields: UnsetField[] = [];
    if (!draft.name) systemFields.push(current ? { field: 'name', from: 'kept', value: current.name } : { field: 'name', from: 'key', value: draft.key });
    if (draft.team?.from === '--team') systemFields.push({ field: 'team', from: '--team', value: team });
    else if (!draft.team) systemFields.push({ field: 'team', from: 'kept', value: team });
    if (draft.lifecycle === undefined) systemFields.push({ field: 'lifecycle', from: 'unchanged' });
    if (draft.servesMinors === undefined) systemFields.push({ field: 'servesMinors', from: 'unchanged' });
    if (!draft.securityMeasures) systemFields.push({ field: 'securityMeasures', from: 'unchanged' });
    report(draft.source.path, systemFields);

    const inventory = draft.items.map((item) => {
      const { resolved, fields } = resolveItem(item, current);
      report(item.at.declaration, fields, { dataCategory: item.dataCategory, purposes: item.purposes });
      return resolved;
    });
    const manifest: ServiceManifest = {
      apiVersion: API_VERSION,
      kind: 'Service',
      metadata: { key: draft.key, name: draft.name ?? current?.name ?? draft.key, team },
      spec: {
        ...(draft.description !== undefined ? { description: draft.description } : {}),
        ...(draft.lifecycle !== undefined ? { lifecycle: draft.lifecycle } : {}),
        ...(draft.servesMinors !== undefined ? { servesMinors: draft.servesMinors } : {}),
        ...(draft.securityMeasures ? { securityMeasures: draft.securityMeasures.measures } : {}),
        inventory,
      },
    };
    manifests.push({ kind: 'Service', manifest, origin });
  }
  return { manifests, unset, problems };
}

function resolveItem(item: DraftItem, current: ServiceState | null): { resolved: InventoryItemManifest; fields: UnsetField[] } {
  const sameCategory = current?.inventory.filter((i) => i.dataCategory === item.dataCategory) ?? [];
  const held: InventoryItemData | undefined = sameCategory.find((i) => sameSet(i.purposes, item.purposes)) ?? sameCategory[0];
  const fields: UnsetField[] = [];
  const resolved: Record<string, unknown> = { dataCategory: item.dataCategory, purposes: item.purposes, dataSubjects: item.dataSubjects };
  for (const field of ITEM_FIELDS) {
    const note = field === 'retentionDays' && item.retentionPeriod ? `retention_period "${item.retentionPeriod}" is free text` : undefined;
    if (field in item.given) resolved[field] = item.given[field];
    else if (held) {
      resolved[field] = held[field];
      fields.push({ field, from: 'kept', value: held[field], ...(note ? { note } : {}) });
    } else {
      resolved[field] = NEW_ITEM_DEFAULTS[field];
      fields.push({ field, from: 'default', value: NEW_ITEM_DEFAULTS[field], ...(note ? { note } : {}) });
    }
  }
  return { resolved: resolved as InventoryItemManifest, fields };
}

/**
 * The service's origin in its Fides manifest: a problem at a manifest path
 * (spec.inventory[2].purposes[1]) names the fideslang field it came from
 * (system[0].privacy_declarations[4].data_use) and its line.
 */
function originOf(draft: ServiceDraft): DocumentOrigin {
  const { file, document, lineOf, path: system } = draft.source;
  const fidesPath = (canopyPath: string): string => {
    const item = /^spec\.inventory\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(canopyPath);
    if (item) {
      const it = draft.items[Number(item[1])];
      if (!it) return `${system}.privacy_declarations`;
      const [, , field, index] = item;
      if (field === 'dataCategory') return it.at.dataCategory;
      if (field === 'purposes') return index !== undefined ? (it.at.purposes[Number(index)] ?? it.at.declaration) : it.at.purposes[0];
      return (field && it.at.fields[field as ItemField]) ?? it.at.declaration;
    }
    if (canopyPath.startsWith('spec.inventory')) return `${system}.privacy_declarations`;
    if (canopyPath.startsWith('spec.securityMeasures')) return draft.securityMeasures?.at ?? system;
    const direct: Record<string, string> = {
      'metadata.key': `${system}.fides_key`,
      'metadata.name': `${system}.name`,
      'metadata.team': draft.team?.from === 'manifest' ? `${system}.canopy.team` : `${system}.fides_key`,
      'spec.description': `${system}.description`,
      'spec.lifecycle': `${system}.canopy.lifecycle`,
      'spec.servesMinors': `${system}.canopy.servesMinors`,
    };
    return direct[canopyPath] ?? system;
  };
  const lineOfCanopy = (canopyPath: string) => lineOf(fidesPath(canopyPath));
  return {
    file,
    document,
    lineOf: lineOfCanopy,
    problem: (canopyPath, message) => {
      const path = fidesPath(canopyPath);
      return { file, document, line: lineOf(path) ?? lineOf(system), path, message };
    },
  };
}
