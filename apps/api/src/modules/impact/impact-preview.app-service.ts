import { assessMaterialReduction, carryForwardResolutions, checkNotice, ConflictState, detectConflicts, EffectiveClause, lockedViolations, noticeDaysFrom, PolicyLayer, resolveEffectivePolicy, Taxonomy } from '@canopy/domain';
import { In } from 'typeorm';
import { PolicyEntity, PolicyVersionEntity, ServiceEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import type { Database } from '../../common/database';
import type { FindingsMeasure, ServiceFinding } from '../findings';
import { type ConflictReader, type ConflictView, PolicyQueries, type PolicySnapshot, type PolicySnapshots, type ServiceEffectivePolicy, toConflictState, toDomainClause } from '../policies';
import { loadTaxonomy } from '../taxonomy';

export interface ClauseDelta {
  topic: string;
  subject: string;
  before: EffectiveClause | null;
  after: EffectiveClause | null;
}

export interface ConflictPreviewRow {
  serviceId: string;
  topic: string;
  subject: string;
  globalValue: string;
  serviceValue: string;
  carriedForward: boolean;
}

/** A service clause a newly locked global clause would override (no conflict opens: the locked value applies). */
export interface LockedOverrideRow {
  serviceId: string;
  topic: string;
  subject: string;
  serviceValue: string;
  globalValue: string;
}

export interface ServiceImpactRow {
  serviceId: string;
  changes: ClauseDelta[];
  conflicts: ConflictPreviewRow[];
  findingsAppearing: ServiceFinding[];
  findingsDisappearing: ServiceFinding[];
}

export interface ImpactResult {
  lockedOverrides: LockedOverrideRow[];
  perService: ServiceImpactRow[];
  conflictsOpening: ConflictPreviewRow[];
  conflictsSuperseded: ConflictView[];
  noticeDays: number;
  materialReduction: boolean;
  earliestEffectiveAt: Date | null;
  noticeExplanation: string | null;
}

/**
 * The impact of publishing a DRAFT now, set-based like publishing itself: the
 * policies in force, the draft substituted for its policy's layer, every
 * affected service folded before and after, nothing written.
 */
export class ImpactPreview {
  constructor(
    private readonly db: Database,
    private readonly effective: PolicySnapshots,
    private readonly conflicts: ConflictReader,
    private readonly findings: FindingsMeasure,
  ) {}

  /** The impact of publishing the DRAFT with id `draftId` at `now`; null when it is not a draft. */
  async ofDraft(draftId: string, now: Date): Promise<ImpactResult | null> {
    const draft = await this.db.manager.findOneBy(PolicyVersionEntity, { id: draftId });
    return draft && draft.status === 'DRAFT' ? this.of(draft, now) : null;
  }

  private async of(draft: PolicyVersionEntity, now: Date): Promise<ImpactResult> {
    const manager = this.db.manager;
    const store = new PolicyQueries(manager);
    const policy = await manager.findOneByOrFail(PolicyEntity, { id: draft.policyId });
    const taxonomy = await loadTaxonomy(manager);
    const global = policy.scope === 'GLOBAL';
    const serviceIds = global ? (await manager.find(ServiceEntity, { select: { id: true } })).map((s) => s.id) : [policy.serviceId as string];
    const snapshot = await this.effective.snapshot(global ? 'all' : serviceIds, now);
    const draftClauses = ((await store.clausesOf([draft.id])).get(draft.id) ?? []).map(toDomainClause);
    const draftLayer: PolicyLayer = { source: global ? 'GLOBAL' : 'SERVICE', policyKey: policy.key, version: draft.number, clauses: draftClauses };

    const resolvedByService = await this.resolvedConflicts(global ? [...snapshot.serviceLayers.keys()] : serviceIds);
    const conflictsOpening: ConflictPreviewRow[] = [];
    const lockedOverrides: LockedOverrideRow[] = [];
    const hypotheticalStates = new Map<string, ConflictState[]>();
    const newGlobal = global ? draftLayer : snapshot.global;
    for (const serviceId of serviceIds) {
      const serviceLayer = global ? snapshot.serviceLayers.get(serviceId)?.layer : draftLayer;
      if (!serviceLayer || !newGlobal) continue;
      if (global) {
        for (const v of lockedViolations(newGlobal, serviceLayer.clauses, taxonomy)) {
          lockedOverrides.push({ serviceId, topic: v.serviceClause.topic, subject: v.serviceClause.subject, serviceValue: v.serviceClause.value, globalValue: v.globalValue });
        }
      }
      const candidates = detectConflicts(newGlobal, serviceLayer, taxonomy);
      const states: ConflictState[] = [];
      carryForwardResolutions(resolvedByService.get(serviceId) ?? [], candidates).forEach(({ candidate, inherited }, i) => {
        conflictsOpening.push({ serviceId, ...candidate, carriedForward: Boolean(inherited) });
        states.push({ id: `preview-${serviceId}-${i}`, ...candidate, status: inherited ? 'RESOLVED' : 'OPEN', resolution: inherited?.resolution ?? null, rationale: inherited?.rationale ?? null, resolvedAt: inherited?.resolvedAt ?? null, carriedFromId: inherited?.carriedFromId ?? null });
      });
      hypotheticalStates.set(serviceId, states);
    }

    const before = this.effective.fold(serviceIds, snapshot, now, taxonomy);
    const after = new Map<string, ServiceEffectivePolicy>();
    let globalOnlyAfter: ServiceEffectivePolicy | null = null;
    const touched: { serviceId: string; changes: ClauseDelta[]; conflicts: ConflictPreviewRow[] }[] = [];
    for (const serviceId of serviceIds) {
      const serviceLayer = global ? snapshot.serviceLayers.get(serviceId)?.layer : draftLayer;
      let next: ServiceEffectivePolicy;
      if (!serviceLayer) {
        next = globalOnlyAfter ??= { clauses: newGlobal ? resolveEffectivePolicy({ layers: [newGlobal], taxonomy }) : [], openConflictsInForce: [] };
      } else {
        const states = hypotheticalStates.get(serviceId) ?? [];
        next = {
          clauses: resolveEffectivePolicy({ layers: newGlobal ? [newGlobal, serviceLayer] : [serviceLayer], conflicts: states, taxonomy }),
          openConflictsInForce: states.filter((st) => st.status === 'OPEN').map((st) => ({ id: st.id, topic: st.topic, subject: st.subject })),
        };
      }
      after.set(serviceId, next);
      const changes = diffEffective(before.get(serviceId)?.clauses ?? [], next.clauses);
      const conflicts = conflictsOpening.filter((c) => c.serviceId === serviceId);
      if (changes.length || conflicts.length) touched.push({ serviceId, changes, conflicts });
    }
    // Findings are measured only where the effective policy changes: set-based, two evaluations.
    const ids = new Set(touched.map((t) => t.serviceId));
    const services = await inChunks([...ids], (chunk) => manager.findBy(ServiceEntity, { id: In(chunk) }));
    const [findingsBefore, findingsAfter] = services.length
      ? await Promise.all([this.findings.evaluate(services, before, now, taxonomy), this.findings.evaluate(services, after, now, taxonomy)])
      : [new Map<string, ServiceFinding[]>(), new Map<string, ServiceFinding[]>()];
    const perService: ServiceImpactRow[] = touched.map((t) => {
      const { appearing, disappearing } = diffFindings(findingsBefore.get(t.serviceId) ?? [], findingsAfter.get(t.serviceId) ?? []);
      return { ...t, findingsAppearing: appearing, findingsDisappearing: disappearing };
    });

    const notice = await this.noticeOf(store, policy, draftClauses, snapshot, taxonomy, now);
    return { perService, conflictsOpening, lockedOverrides, conflictsSuperseded: await this.superseded(policy, snapshot, serviceIds, now), ...notice };
  }

  private async resolvedConflicts(serviceIds: readonly string[]): Promise<Map<string, ConflictState[]>> {
    const rows = await new PolicyQueries(this.db.manager).conflictsOfServices(serviceIds);
    const map = new Map<string, ConflictState[]>();
    for (const r of rows.filter((row) => row.resolvedAt)) map.set(r.serviceId, [...(map.get(r.serviceId) ?? []), toConflictState(r)]);
    return map;
  }

  /** Conflicts of the pairs in force now that involve the version the draft would replace. */
  private async superseded(policy: PolicyEntity, snapshot: PolicySnapshot, serviceIds: readonly string[], now: Date): Promise<ConflictView[]> {
    const replaced = policy.scope === 'GLOBAL' ? snapshot.globalVersionId : snapshot.serviceLayers.get(policy.serviceId as string)?.versionId;
    if (!replaced) return [];
    const views = await this.conflicts.list(null, policy.scope === 'GLOBAL' ? 'all' : serviceIds, now);
    return views.filter((v) => v.status !== 'SUPERSEDED' && (v.row.globalVersionId === replaced || v.row.serviceVersionId === replaced));
  }

  private async noticeOf(store: PolicyQueries, policy: PolicyEntity, draftClauses: ReturnType<typeof toDomainClause>[], snapshot: PolicySnapshot, taxonomy: Taxonomy, now: Date) {
    const previous = (await store.publishedVersions([policy.id])).sort((a, b) => b.number - a.number)[0];
    const previousClauses = previous ? ((await store.clausesOf([previous.id])).get(previous.id) ?? []).map(toDomainClause) : null;
    const { materialReduction } = assessMaterialReduction(previousClauses, draftClauses, taxonomy);
    const noticeDays = noticeDaysFrom(snapshot.global?.clauses ?? null);
    const check = checkNotice({ materialReduction, notice: null, effectiveAt: now, noticeDays, now });
    return {
      noticeDays,
      materialReduction,
      earliestEffectiveAt: check.ok ? null : check.earliestEffectiveAt,
      noticeExplanation: check.ok ? null : check.reason,
    };
  }
}

const findingKey = (f: ServiceFinding) => `${f.rule} ${f.dataCategory ?? ''} ${f.message}`;

/** Findings present after but not before, and the other way round. */
export function diffFindings(before: readonly ServiceFinding[], after: readonly ServiceFinding[]) {
  const beforeKeys = new Set(before.map(findingKey));
  const afterKeys = new Set(after.map(findingKey));
  return { appearing: after.filter((f) => !beforeKeys.has(findingKey(f))), disappearing: before.filter((f) => !afterKeys.has(findingKey(f))) };
}

/** Effective clauses that differ in value, source or review state, by (topic, subject). */
export function diffEffective(before: readonly EffectiveClause[], after: readonly EffectiveClause[]): ClauseDelta[] {
  const key = (c: EffectiveClause) => `${c.topic} ${c.subject}`;
  const beforeMap = new Map(before.map((c) => [key(c), c]));
  const afterMap = new Map(after.map((c) => [key(c), c]));
  const deltas: ClauseDelta[] = [];
  for (const k of new Set([...beforeMap.keys(), ...afterMap.keys()])) {
    const b = beforeMap.get(k) ?? null;
    const a = afterMap.get(k) ?? null;
    if (b && a && b.value === a.value && b.source === a.source && b.pendingReview === a.pendingReview) continue;
    const [topic, subject] = [(a ?? b)!.topic, (a ?? b)!.subject];
    deltas.push({ topic, subject, before: b, after: a });
  }
  return deltas.sort((x, y) => (x.topic + x.subject < y.topic + y.subject ? -1 : 1));
}
