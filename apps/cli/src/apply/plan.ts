import type { ArrangementData, ProcessorState, ServiceState, SharingStatus } from '../client/operations';
import type {
  CreatePolicyInput,
  DraftPolicyVersionInput,
  InventoryItemInput,
  ProposeSharingInput,
  RegisterProcessorInput,
  RegisterServiceInput,
  UpdateProcessorInput,
  UpdateServiceInput,
} from '../gql/graphql';
import type { ManifestProblem } from '../errors';
import type { DocumentOrigin, LoadedManifest } from '../manifest/load';
import type { ProcessorManifest, ServiceManifest } from '../manifest/schema';
import {
  clauseSetSignature,
  diffInventory,
  normaliseClause,
  normaliseItem,
  normaliseMeasures,
  normaliseSubProcessors,
  sameInstant,
  sameSet,
} from './normalise';

/** What apply reads before deciding anything. `null` = the object does not exist on the server. */
export interface CurrentState {
  services: ReadonlyMap<string, ServiceState | null>;
  processors: ReadonlyMap<string, ProcessorState | null>;
  teams: ReadonlySet<string>;
  dataCategories: ReadonlySet<string>;
  dataUses: ReadonlySet<string>;
}

export type Action = 'create' | 'update' | 'unchanged';
export type PlanObject = 'processor' | 'service' | 'security-measures' | 'inventory' | 'policy' | 'sharing';

/** One mutation (or chained pair) to run; variables are final at plan time, typed by the schema's inputs. */
export type Step =
  | { op: 'registerProcessor'; input: RegisterProcessorInput }
  | { op: 'updateProcessor'; input: UpdateProcessorInput }
  | { op: 'registerService'; input: RegisterServiceInput }
  | { op: 'updateService'; input: UpdateServiceInput }
  | { op: 'setSecurityMeasures'; serviceKey: string; measures: string[] }
  | { op: 'setInventory'; serviceKey: string; items: InventoryItemInput[] }
  | { op: 'createPolicy'; input: CreatePolicyInput }
  | { op: 'draftPolicyVersion'; input: DraftPolicyVersionInput }
  | { op: 'proposeAndSubmitSharing'; input: ProposeSharingInput }
  | { op: 'submitSharing'; id: string; expectedVersion: number };

export interface PlanEntry {
  object: PlanObject;
  /** e.g. maps, maps → tiles [device.location] */
  name: string;
  action: Action;
  /** Human-readable details: the fields that change, counts, notes. */
  changes: string[];
  steps: Step[];
  file: string;
  document: number;
  /** The document the entry comes from (errors during apply are located through it). */
  origin: DocumentOrigin;
}

export interface Plan {
  entries: PlanEntry[];
}

const ACTIVE_SHARING: readonly SharingStatus[] = ['APPROVED', 'PENDING_REVIEW', 'DRAFT'];

/**
 * Decides, for every object the manifests declare, whether apply creates,
 * updates or leaves it alone, and which mutations that takes. Pure: the same
 * manifests and state always give the same plan. Processors come first
 * (services' sharing names them), then each service with its security
 * measures, inventory, policy draft and sharing, in document order.
 *
 * Returns the problems a request would only discover halfway (unknown team,
 * taxonomy key or processor), each located in its manifest, so apply refuses
 * before the first write.
 */
export function planApply(manifests: readonly LoadedManifest[], state: CurrentState): { plan: Plan; problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = [];
  const entries: PlanEntry[] = [];
  const declaredProcessors = new Set(manifests.filter((m) => m.kind === 'Processor').map((m) => m.manifest.metadata.key));
  for (const m of manifests) if (m.kind === 'Processor') entries.push(planProcessor(m.manifest, state.processors.get(m.manifest.metadata.key) ?? null, m.origin));
  for (const m of manifests) {
    if (m.kind !== 'Service') continue;
    problems.push(...checkReferences(m.manifest, m.origin, state, declaredProcessors));
    entries.push(...planService(m.manifest, state.services.get(m.manifest.metadata.key) ?? null, m.origin));
  }
  return { plan: { entries }, problems };
}

function checkReferences(doc: ServiceManifest, origin: DocumentOrigin, state: CurrentState, declaredProcessors: ReadonlySet<string>): ManifestProblem[] {
  const problems = taxonomyProblems(doc, origin, state);
  const at = (path: string, message: string) => problems.push(origin.problem(path, message));
  if (!state.teams.has(doc.metadata.team)) at('metadata.team', `unknown team "${doc.metadata.team}"`);
  const seen = new Map<string, number>();
  doc.spec.sharing?.forEach((s, i) => {
    if (!declaredProcessors.has(s.processor) && !state.processors.get(s.processor)) {
      at(`spec.sharing[${i}].processor`, `unknown processor "${s.processor}" (register it, or declare it in a kind: Processor document)`);
    }
    const id = `${s.processor} ${[...new Set(s.dataCategories)].sort().join(',')}`;
    const first = seen.get(id);
    if (first !== undefined) at(`spec.sharing[${i}]`, `repeats spec.sharing[${first}] (same processor and data categories)`);
    else seen.set(id, i);
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Taxonomy keys the organisation does not have, each located in the manifest (apply and check refuse before any write). */
export function taxonomyProblems(
  doc: ServiceManifest,
  origin: DocumentOrigin,
  taxonomy: { dataCategories: ReadonlySet<string>; dataUses: ReadonlySet<string> },
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const at = (path: string, message: string) => problems.push(origin.problem(path, message));
  const category = (path: string, key: string) => {
    if (!taxonomy.dataCategories.has(key)) at(path, `unknown data category "${key}"`);
  };
  const use = (path: string, key: string) => {
    if (!taxonomy.dataUses.has(key)) at(path, `unknown data use "${key}"`);
  };
  doc.spec.inventory?.forEach((item, i) => {
    category(`spec.inventory[${i}].dataCategory`, item.dataCategory);
    item.purposes.forEach((p, j) => use(`spec.inventory[${i}].purposes[${j}]`, p));
  });
  doc.spec.sharing?.forEach((s, i) => {
    s.dataCategories.forEach((c, j) => category(`spec.sharing[${i}].dataCategories[${j}]`, c));
    s.purposes.forEach((p, j) => use(`spec.sharing[${i}].purposes[${j}]`, p));
  });
  return problems;
}

function planProcessor(doc: ProcessorManifest, current: ProcessorState | null, origin: DocumentOrigin): PlanEntry {
  const base = { object: 'processor' as const, name: doc.metadata.key, file: origin.file, document: origin.document, origin };
  const s = doc.spec;
  const desired: Omit<RegisterProcessorInput, 'key'> = {
    name: doc.metadata.name,
    country: s.country,
    ...(s.contactEmail !== undefined ? { contactEmail: s.contactEmail?.trim().toLowerCase() || null } : {}),
    ...(s.dpaSignedAt !== undefined ? { dpaSignedAt: s.dpaSignedAt } : {}),
    ...(s.dpaExpiresAt !== undefined ? { dpaExpiresAt: s.dpaExpiresAt } : {}),
    ...(s.dpaReference !== undefined ? { dpaReference: s.dpaReference?.trim() || null } : {}),
    ...(s.transferMechanism !== undefined ? { transferMechanism: s.transferMechanism } : {}),
    ...(s.certifications !== undefined ? { certifications: [...new Set(s.certifications)] } : {}),
    ...(s.subProcessors !== undefined ? { subProcessors: normaliseSubProcessors(s.subProcessors) } : {}),
  };
  if (!current) {
    return { ...base, action: 'create', changes: ['register processor'], steps: [{ op: 'registerProcessor', input: { key: doc.metadata.key, ...desired } }] };
  }
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(desired) as [keyof typeof desired, unknown][]) {
    const now = current[field];
    const same =
      field === 'dpaSignedAt' || field === 'dpaExpiresAt'
        ? sameInstant(now as string | null, value as string | null)
        : field === 'subProcessors'
          ? JSON.stringify(normaliseSubProcessors((now as never[]) ?? [])) === JSON.stringify(value)
          : JSON.stringify(now ?? null) === JSON.stringify(value ?? null);
    if (!same) changed[field] = value;
  }
  if (!Object.keys(changed).length) return { ...base, action: 'unchanged', changes: [], steps: [] };
  return {
    ...base,
    action: 'update',
    changes: Object.keys(changed),
    steps: [{ op: 'updateProcessor', input: { key: doc.metadata.key, expectedVersion: current.version, ...(changed as Partial<UpdateProcessorInput>) } }],
  };
}

function planService(doc: ServiceManifest, current: ServiceState | null, origin: DocumentOrigin): PlanEntry[] {
  const key = doc.metadata.key;
  const where = { file: origin.file, document: origin.document, origin };
  const spec = doc.spec;
  const entries: PlanEntry[] = [];

  // The service itself.
  if (!current) {
    entries.push({
      object: 'service',
      name: key,
      action: 'create',
      changes: [`register in team ${doc.metadata.team}`],
      steps: [
        {
          op: 'registerService',
          input: {
            key,
            name: doc.metadata.name,
            teamKey: doc.metadata.team,
            ...(spec.description !== undefined ? { description: spec.description?.trim() || null } : {}),
            lifecycle: spec.lifecycle ?? 'ACTIVE',
            servesMinors: spec.servesMinors ?? false,
          },
        },
      ],
      ...where,
    });
  } else {
    const changed: Omit<UpdateServiceInput, 'key' | 'expectedVersion'> = {};
    if (doc.metadata.name !== current.name) changed.name = doc.metadata.name;
    if (doc.metadata.team !== current.team.key) changed.teamKey = doc.metadata.team;
    if (spec.description !== undefined && (spec.description?.trim() || null) !== current.description) changed.description = spec.description?.trim() || null;
    if (spec.lifecycle !== undefined && spec.lifecycle !== current.lifecycle) changed.lifecycle = spec.lifecycle;
    if (spec.servesMinors !== undefined && spec.servesMinors !== current.servesMinors) changed.servesMinors = spec.servesMinors;
    const fields = Object.keys(changed).map((f) => (f === 'teamKey' ? `team ${current.team.key} → ${doc.metadata.team}` : f));
    entries.push(
      fields.length
        ? { object: 'service', name: key, action: 'update', changes: fields, steps: [{ op: 'updateService', input: { key, expectedVersion: current.version, ...changed } }], ...where }
        : { object: 'service', name: key, action: 'unchanged', changes: [], steps: [], ...where },
    );
  }

  // Security measures: the whole list, in order.
  if (spec.securityMeasures !== undefined) {
    const desired = normaliseMeasures(spec.securityMeasures);
    const now = current?.securityMeasures ?? [];
    const same = JSON.stringify(desired) === JSON.stringify(now);
    entries.push({
      object: 'security-measures',
      name: key,
      action: same ? 'unchanged' : now.length || current ? 'update' : 'create',
      changes: same ? [] : [`${desired.length} measure${desired.length === 1 ? '' : 's'}`],
      steps: same ? [] : [{ op: 'setSecurityMeasures', serviceKey: key, measures: desired }],
      ...where,
    });
  }

  // Inventory: replaced as a whole, only when the items differ.
  if (spec.inventory !== undefined) {
    const desired = spec.inventory.map(normaliseItem);
    const diff = diffInventory((current?.inventory ?? []).map(normaliseItem), desired);
    const same = diff.added === 0 && diff.removed === 0;
    entries.push({
      object: 'inventory',
      name: key,
      action: same ? 'unchanged' : current?.inventory.length ? 'update' : 'create',
      changes: same ? [] : [current?.inventory.length ? `+${diff.added} -${diff.removed} items (${diff.kept} kept)` : `${diff.added} item${diff.added === 1 ? '' : 's'}`],
      steps: same
        ? []
        : [
            {
              op: 'setInventory',
              serviceKey: key,
              items: desired.map((i) => ({
                dataCategory: i.dataCategory,
                purposes: i.purposes,
                source: i.source,
                devicePermission: i.devicePermission,
                legalBasis: i.legalBasis,
                retentionDays: i.retentionDays,
                encryption: i.encryption,
                publiclyVisible: i.publiclyVisible,
                dataSubjects: i.dataSubjects,
              })),
            },
          ],
      ...where,
    });
  }

  // Policy: a new draft only when the clauses differ from the latest version (draft or published).
  if (spec.policy !== undefined) {
    const clauses = spec.policy.clauses.map(normaliseClause);
    const policy = current?.policy ?? null;
    const policyKey = policy?.key ?? spec.policy.key ?? key;
    const latest = policy ? [...policy.versions].sort((a, b) => b.number - a.number)[0] : undefined;
    const same = latest ? clauseSetSignature(latest.clauses.map(normaliseClause)) === clauseSetSignature(clauses) : clauses.length === 0;
    const notes = policy && spec.policy.key && spec.policy.key !== policy.key ? [`the service's policy is "${policy.key}" (a policy key cannot change)`] : [];
    const draft: Step = { op: 'draftPolicyVersion', input: { policyKey, clauses } };
    if (same) {
      entries.push({ object: 'policy', name: policyKey, action: 'unchanged', changes: notes, steps: [], ...where });
    } else if (!policy) {
      entries.push({
        object: 'policy',
        name: policyKey,
        action: 'create',
        changes: [`create the service policy, draft v1 with ${clauses.length} clause${clauses.length === 1 ? '' : 's'}`],
        steps: [
          { op: 'createPolicy', input: { key: policyKey, title: spec.policy.title ?? `${doc.metadata.name} service policy`, scope: 'SERVICE', serviceKey: key } },
          draft,
        ],
        ...where,
      });
    } else {
      const replacing = latest?.status === 'DRAFT' ? `replace draft v${latest.number}` : `draft v${(latest?.number ?? 0) + 1}`;
      entries.push({ object: 'policy', name: policyKey, action: 'update', changes: [`${replacing} with ${clauses.length} clause${clauses.length === 1 ? '' : 's'}`, ...notes], steps: [draft], ...where });
    }
  }

  // Sharing: proposed and submitted unless one with the same processor and categories is in place.
  spec.sharing?.forEach((s) => {
    const name = `${key} → ${s.processor} [${[...new Set(s.dataCategories)].sort().join(', ')}]`;
    const existing = bestMatch(current?.sharingArrangements ?? [], s.processor, s.dataCategories);
    if (!existing) {
      entries.push({
        object: 'sharing',
        name,
        action: 'create',
        changes: ['propose and submit for review'],
        steps: [
          {
            op: 'proposeAndSubmitSharing',
            input: { serviceKey: key, processorKey: s.processor, dataCategories: [...new Set(s.dataCategories)], purposes: [...new Set(s.purposes)], legalBasis: s.legalBasis },
          },
        ],
        ...where,
      });
      return;
    }
    const notes: string[] = [];
    if (!sameSet(existing.purposes, s.purposes) || existing.legalBasis !== s.legalBasis) {
      notes.push(`arrangement ${existing.id} (${existing.status}) has purposes ${existing.purposes.join(', ')} and basis ${existing.legalBasis}; withdraw or revoke it to propose these`);
    }
    if (existing.status === 'DRAFT') {
      entries.push({ object: 'sharing', name, action: 'update', changes: [`submit the existing draft ${existing.id}`, ...notes], steps: [{ op: 'submitSharing', id: existing.id, expectedVersion: existing.version }], ...where });
    } else {
      entries.push({ object: 'sharing', name, action: 'unchanged', changes: [existing.status, ...notes], steps: [], ...where });
    }
  });
  return entries;
}

/** The arrangement already in place for these processor and categories: APPROVED first, then PENDING_REVIEW, then DRAFT. */
export function bestMatch(arrangements: readonly ArrangementData[], processorKey: string, categories: readonly string[]): ArrangementData | null {
  const candidates = arrangements.filter((a) => a.processor.key === processorKey && ACTIVE_SHARING.includes(a.status) && sameSet(a.dataCategories, categories));
  candidates.sort((a, b) => ACTIVE_SHARING.indexOf(a.status) - ACTIVE_SHARING.indexOf(b.status));
  return candidates[0] ?? null;
}

export function summarise(plan: Plan): Record<Action, number> {
  const counts: Record<Action, number> = { create: 0, update: 0, unchanged: 0 };
  for (const e of plan.entries) counts[e.action]++;
  return counts;
}
