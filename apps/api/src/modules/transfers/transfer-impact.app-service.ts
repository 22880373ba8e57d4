import type { EntityManager } from 'typeorm';
import { type SharingStatus, type TransferImpactFacts, type TransferMechanism, type TransferScenario, transferImpact, transferScenarioErrors } from '@canopy/domain';
import { leanSelect, placeholders, ProcessorEntity, ServiceEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import type { Database } from '../../common/database';
import { badInput, resultTooLarge } from '../../common/errors';
import { DEFAULT_MAX_LIST_RESULTS } from '../../common/list-limit';
import { assessmentRecords, type EnforcementReader } from '../assessments';
import type { ServiceFinding } from '../findings';
import type { HomeRegionReader } from '../home-region';
import { processorsAt, processorTransferFacts } from '../processors';
import type { SharingArrangement } from '../sharing';
import { loadAdequacyEntries } from './adequacy.queries';
import { type LiveBatch, liveAtBatch, liveNowBatch } from './transfer-impact.queries';

export interface TransferImpactResult {
  scenario: string;
  affected: { arrangement: SharingArrangement; countries: string[]; hasFallback: boolean; findingsOpening: ServiceFinding[] }[];
}

type Affected = TransferImpactResult['affected'][number];

/** What to do instead when a scenario affects more arrangements than one answer may list. */
const TOO_MANY_AFFECTED = 'ask about fewer countries or mechanisms at a time (each withdrawal on its own, say), or raise CANOPY_MAX_LIST_RESULTS';

/** Live arrangements judged at a time: what one request holds in memory besides its answer. */
export const IMPACT_BATCH_SIZE = 5_000;

/**
 * `transferImpact`: reads the register, the home region and enforcement
 * once, then the live arrangements a batch at a time (keyset on id) with the
 * batch's processors, services and TIAs, and hands each batch to the
 * domain's what-if, which judges every arrangement on its own: the answer is
 * the one the whole organisation at once would give, in the same order
 * (oldest first), while memory holds one batch and the affected ones, not
 * every live arrangement. More affected arrangements than one answer may list
 * (`maxAffected`) is RESULT_TOO_LARGE, said after the batch that passes it. Statements: 3, plus 4 per batch (5 from a past
 * instant), so 7 (8) up to IMPACT_BATCH_SIZE live arrangements and one batch
 * more per IMPACT_BATCH_SIZE after that (an exact multiple ends with one
 * empty read). Saves nothing. A safeguard mechanism is a fallback where an
 * approved, unexpired, current TIA covers the arrangement at the scenario's
 * instant; findings are LOW until enforcement is on. From a past instant, the arrangements, processors and
 * TIAs are those of that instant (their revisions then); from now or a
 * future one, they are today's.
 */
export class TransferImpactService {
  constructor(
    private readonly db: Database,
    private readonly homeRegion: HomeRegionReader,
    private readonly enforcement: EnforcementReader,
    /** The most affected arrangements one answer lists (CANOPY_MAX_LIST_RESULTS): past it, RESULT_TOO_LARGE, as soon as a batch passes it. */
    private readonly maxAffected = DEFAULT_MAX_LIST_RESULTS,
    private readonly batchSize = IMPACT_BATCH_SIZE,
  ) {}

  async impact(input: { withdrawAdequacy?: string[] | null; invalidateMechanisms?: TransferMechanism[] | null; from?: Date | null }, now: Date): Promise<TransferImpactResult> {
    const scenario = { withdrawAdequacy: input.withdrawAdequacy ?? [], invalidateMechanisms: input.invalidateMechanisms ?? [], from: input.from ?? now };
    const errors = transferScenarioErrors(scenario);
    if (errors.length) throw badInput(errors.map((e) => e.message).join('; '), { argument: errors[0].argument });

    const m = this.db.manager;
    const past = scenario.from.getTime() < now.getTime();
    const [adequacy, homeRegion, enforceFrom] = await Promise.all([loadAdequacyEntries(m), this.homeRegion.at(scenario.from, m), this.enforcement.enforceFrom(m)]);
    const context = { adequacy, homeRegion, enforceFrom };
    const affected: Affected[] = [];
    let description = '';
    let batch: LiveBatch = { afterId: null, size: this.batchSize };
    for (;;) {
      const arrangements = past ? await liveAtBatch(m, scenario.from, batch) : await liveNowBatch(m, batch);
      const outcome = await impactOfBatch(m, scenario, past, arrangements, context);
      description = outcome.scenario;
      affected.push(...outcome.affected);
      // The answer is the one list here that grows with the organisation: capped like the others (DESIGN.md section 7).
      if (affected.length > this.maxAffected) throw resultTooLarge('transferImpact.affected', this.maxAffected, TOO_MANY_AFFECTED);
      if (arrangements.length < batch.size) break;
      batch = { ...batch, afterId: arrangements[arrangements.length - 1].id };
    }
    return { scenario: description, affected: affected.sort(oldestFirst) };
  }
}

/** The domain's what-if over one batch of live arrangements, with the batch's processors, services and TIAs. */
async function impactOfBatch(
  m: EntityManager,
  scenario: TransferScenario,
  past: boolean,
  arrangements: SharingArrangement[],
  context: Omit<TransferImpactFacts, 'arrangements'>,
): Promise<TransferImpactResult> {
  const processorIds = [...new Set(arrangements.map((a) => a.processorId))];
  const serviceIds = [...new Set(arrangements.map((a) => a.serviceId))];
  const [processors, services, assessments] = arrangements.length
    ? await Promise.all([
        past ? processorsAt(m, processorIds, scenario.from) : inChunks(processorIds, (ids) => leanSelect(m, ProcessorEntity, `id IN ${placeholders(ids.length)}`, ids)),
        inChunks(serviceIds, (ids) => leanSelect(m, ServiceEntity, `id IN ${placeholders(ids.length)}`, ids)),
        assessmentRecords(m, serviceIds, scenario.from, past),
      ])
    : [[], [], { tiasByArrangement: new Map() }];
  const processorById = new Map(processors.map((p) => [p.id, p]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const arrangementById = new Map(arrangements.map((a) => [a.id, a]));
  const facts = arrangements.flatMap((a) => {
    const processor = processorById.get(a.processorId);
    const service = serviceById.get(a.serviceId);
    if (!processor || !service) return [];
    const content = { dataCategories: a.dataCategories, purposes: a.purposes, legalBasis: a.legalBasis };
    return [{ id: a.id, ...content, status: a.status as SharingStatus, serviceKey: service.key, processor: processorTransferFacts(processor), tias: assessments.tiasByArrangement.get(a.id) ?? [] }];
  });
  const outcome = transferImpact(scenario, { ...context, arrangements: facts });
  return {
    scenario: outcome.scenario,
    affected: outcome.affected.map((item) => {
      const arrangement = arrangementById.get(item.arrangementId)!;
      const service = serviceById.get(arrangement.serviceId)!;
      return {
        arrangement,
        countries: item.countries,
        hasFallback: item.hasFallback,
        findingsOpening: item.findingsOpening.map((f) => ({ ...f, serviceId: service.id, service, acceptance: null })),
      };
    }),
  };
}

/** The order of the arrangement lists: oldest first, then by id. */
const oldestFirst = (x: Affected, y: Affected): number =>
  x.arrangement.createdAt.getTime() - y.arrangement.createdAt.getTime() || (x.arrangement.id < y.arrangement.id ? -1 : x.arrangement.id > y.arrangement.id ? 1 : 0);
