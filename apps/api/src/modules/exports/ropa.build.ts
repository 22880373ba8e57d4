import { ClauseIndex, type EffectiveClause, type Taxonomy, UNLIMITED } from '@canopy/domain';
import { dpiaRow, dpiaStatusWords, type RopaDpiaFacts, type RopaDpiaRow, UNJUDGED } from './ropa-dpia';

export type { RopaDpiaFacts, RopaDpiaRow } from './ropa-dpia';

/**
 * The record of processing activities (GDPR Art. 30(1)) as plain data, built
 * from what was in force at one instant. Pure: the app service loads, this
 * assembles, so the rules below are unit-tested without a database.
 *
 * Decisions:
 * - one activity per service and purpose; a purpose comes from the
 *   inventory, or from an approved arrangement alone (then the activity
 *   lists no categories and says so under `gaps`);
 * - recipients are the processors of arrangements APPROVED at the instant
 *   whose purposes include the activity's purpose (drafts, pending, rejected,
 *   revoked and withdrawn ones are not in the record);
 * - a recipient needs a transfer mechanism when its country is outside the
 *   organisation's home region at the instant; a missing one is a gap;
 * - erasure time limits are each item's retention, next to the limit the
 *   effective (published, in force) RETENTION clause sets for its category;
 * - each activity carries its service's DPIA status at the instant (a DPIA
 *   is the service's, so every activity of a service carries the same); a
 *   DPIA required and not APPROVED then is a gap;
 * - `gaps` names what Art. 30 asks for and the record lacks, so officers can
 *   complete it; an empty list means the activity is fully described. What
 *   the controller's identity lacks belongs to the whole record, so every
 *   activity lists it (the CSV has one row per activity and no header block).
 */

export interface RopaInventoryItem {
  dataCategory: string;
  purposes: readonly string[];
  source: string;
  legalBasis: string;
  retentionDays: number | null;
  encryption: string;
  dataSubjects: readonly string[] | null;
}

export interface RopaArrangement {
  id: string;
  serviceId: string;
  processorId: string;
  dataCategories: readonly string[];
  purposes: readonly string[];
  legalBasis: string;
  approvedAt: Date | null;
}

export interface RopaProcessorFacts {
  key: string;
  name: string;
  country: string;
  transferMechanism: string | null;
}

export interface RopaServiceFacts {
  id: string;
  key: string;
  name: string;
  description: string | null;
  teamKey: string;
  lifecycle: string;
}

export interface RopaInput {
  at: Date;
  homeRegion: { name: string; countries: readonly string[] };
  /** What the controller's identity lacks (Art. 30(1)(a)): listed among every activity's gaps. */
  controllerGaps?: readonly string[];
  services: readonly RopaServiceFacts[];
  inventories: ReadonlyMap<string, readonly RopaInventoryItem[]>;
  securityMeasures: ReadonlyMap<string, readonly string[]>;
  arrangements: readonly RopaArrangement[];
  processors: ReadonlyMap<string, RopaProcessorFacts>;
  effectiveClauses: ReadonlyMap<string, readonly EffectiveClause[]>;
  taxonomy: Taxonomy;
  /** Each approved arrangement's transfers at `at` (the domain's transfer assessment), by arrangement id. */
  transfers?: ReadonlyMap<string, readonly RopaTransferRow[]>;
  /** Each service's DPIA requirement and standing at `at` (the domain's dpiaRequirement and serviceDpiaStandingAt), by service id. */
  dpias: ReadonlyMap<string, RopaDpiaFacts>;
}

/** One transfer of a recipient's arrangement at the record's instant: to the processor's country or a sub-processor's. */
export interface RopaTransferRow {
  arrangementId: string;
  processorKey: string;
  /** "processor <key>" or "sub-processor <name>". */
  recipient: string;
  country: string;
  /** Outside the home region (GDPR chapter V). */
  restricted: boolean;
  lawful: boolean;
  /** ADEQUACY_DECISION, `<MECHANISM> + TIA`, DEROGATION; null when not restricted or nothing holds. */
  basis: string | null;
  reason: string;
}

export interface RopaDataCategoryRow {
  key: string;
  name: string;
  sensitive: boolean;
  dataSubjects: string[];
  legalBasis: string;
  source: string;
  encryption: string;
}

export interface RopaRecipientRow {
  arrangementId: string;
  processorKey: string;
  processorName: string;
  country: string;
  outsideHomeRegion: boolean;
  transferMechanism: string | null;
  dataCategories: string[];
  legalBasis: string;
  approvedAt: Date | null;
}

export interface RopaErasureRow {
  dataCategory: string;
  /** null = kept indefinitely. */
  retentionDays: number | null;
  /** The RETENTION clause's value for the category (days or UNLIMITED); null when no clause applies. */
  policyLimit: string | null;
  /** e.g. "30 days (policy limit: 30 days, global policy general v2)". */
  description: string;
}

export interface RopaActivityRow {
  serviceKey: string;
  serviceName: string;
  serviceDescription: string | null;
  teamKey: string;
  lifecycle: string;
  purpose: string;
  purposeName: string;
  legalBases: string[];
  dataSubjects: string[];
  dataCategories: RopaDataCategoryRow[];
  recipients: RopaRecipientRow[];
  /** The recipients' transfers (countries and basis) at the record's instant. */
  transfers: RopaTransferRow[];
  /** The service's DPIA status at the record's instant. */
  dpia: RopaDpiaRow;
  erasureTimeLimits: RopaErasureRow[];
  securityMeasures: string[];
  gaps: string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const uniqueSorted = (values: Iterable<string>) => [...new Set(values)].sort(byText);

/** A service's activities, one per purpose: those of its inventory and of its approved arrangements, sorted. */
export function activityPurposes(items: readonly Pick<RopaInventoryItem, 'purposes'>[], approvedArrangements: readonly Pick<RopaArrangement, 'purposes'>[]): string[] {
  return uniqueSorted([...items.flatMap((i) => i.purposes), ...approvedArrangements.flatMap((a) => a.purposes)]);
}

export function buildRecordOfProcessing(input: RopaInput): RopaActivityRow[] {
  const home = new Set(input.homeRegion.countries);
  const arrangementsByService = new Map<string, RopaArrangement[]>();
  for (const a of input.arrangements) arrangementsByService.set(a.serviceId, [...(arrangementsByService.get(a.serviceId) ?? []), a]);

  const rows: RopaActivityRow[] = [];
  for (const service of [...input.services].sort((a, b) => byText(a.key, b.key))) {
    const items = input.inventories.get(service.id) ?? [];
    const arrangements = arrangementsByService.get(service.id) ?? [];
    const purposes = activityPurposes(items, arrangements);
    if (purposes.length === 0) continue;
    const clauses = new ClauseIndex(input.effectiveClauses.get(service.id) ?? []);
    const measures = [...(input.securityMeasures.get(service.id) ?? [])];
    const dpia = dpiaRow(input.dpias.get(service.id) ?? UNJUDGED);

    for (const purpose of purposes) {
      const held = items.filter((i) => i.purposes.includes(purpose));
      const gaps: string[] = [];
      if (held.length === 0) gaps.push(`no inventory item of ${service.key} declares the purpose ${purpose}`);

      const dataCategories = held.map((i) => ({
        key: i.dataCategory,
        name: input.taxonomy.category(i.dataCategory)?.name ?? i.dataCategory,
        sensitive: input.taxonomy.isSensitive(i.dataCategory),
        dataSubjects: [...(i.dataSubjects ?? [])],
        legalBasis: i.legalBasis,
        source: i.source,
        encryption: i.encryption,
      }));
      for (const c of dataCategories) if (c.dataSubjects.length === 0) gaps.push(`no categories of data subjects declared for ${c.key}`);

      const recipients = arrangements
        .filter((a) => a.purposes.includes(purpose))
        .map((a): RopaRecipientRow => {
          const p = input.processors.get(a.processorId);
          const country = p?.country ?? '';
          return {
            arrangementId: a.id,
            processorKey: p?.key ?? a.processorId,
            processorName: p?.name ?? a.processorId,
            country,
            outsideHomeRegion: !home.has(country),
            transferMechanism: p?.transferMechanism ?? null,
            dataCategories: uniqueSorted(a.dataCategories),
            legalBasis: a.legalBasis,
            approvedAt: a.approvedAt,
          };
        })
        .sort((a, b) => byText(a.processorKey, b.processorKey) || byText(a.arrangementId, b.arrangementId));
      for (const r of recipients) {
        if (r.outsideHomeRegion && (!r.transferMechanism || r.transferMechanism === 'NOT_REQUIRED')) {
          gaps.push(`processor ${r.processorKey} is in ${r.country}, outside the home region ${input.homeRegion.name}, and records no transfer mechanism`);
        }
      }

      const erasureTimeLimits = held.map((i) => erasureRow(i, clauses.applicable('RETENTION', i.dataCategory) ?? null));
      if (measures.length === 0) gaps.push(`no security measures recorded for ${service.key}`);
      if (dpia.required && dpia.status !== 'APPROVED') gaps.push(`${service.key} requires a DPIA (${dpia.criteria.length} criteria met) and ${dpiaStatusWords(dpia)}`);

      rows.push({
        serviceKey: service.key,
        serviceName: service.name,
        serviceDescription: service.description,
        teamKey: service.teamKey,
        lifecycle: service.lifecycle,
        purpose,
        purposeName: input.taxonomy.use(purpose)?.name ?? purpose,
        legalBases: uniqueSorted(held.map((i) => i.legalBasis)),
        dataSubjects: uniqueSorted(held.flatMap((i) => i.dataSubjects ?? [])),
        dataCategories,
        recipients,
        transfers: recipients.flatMap((r) => input.transfers?.get(r.arrangementId) ?? []),
        dpia,
        erasureTimeLimits,
        securityMeasures: measures,
        gaps: [...new Set([...gaps, ...(input.controllerGaps ?? [])])],
      });
    }
  }
  return rows;
}

function erasureRow(item: RopaInventoryItem, clause: EffectiveClause | null): RopaErasureRow {
  const kept = item.retentionDays === null ? 'kept indefinitely' : `${item.retentionDays} days`;
  const limit = clause ? (clause.value === UNLIMITED ? 'no limit' : `${clause.value} days`) : null;
  const source = clause ? `${clause.source.toLowerCase()} policy ${clause.policyKey} v${clause.policyVersion}` : null;
  return {
    dataCategory: item.dataCategory,
    retentionDays: item.retentionDays,
    policyLimit: clause?.value ?? null,
    description: limit ? `${kept} (policy limit: ${limit}, ${source})` : `${kept} (no policy limit)`,
  };
}
