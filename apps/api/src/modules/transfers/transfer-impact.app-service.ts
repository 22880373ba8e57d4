import { EntityManager, In } from 'typeorm';
import { type SharingStatus, type TransferMechanism, transferImpact, transferScenarioErrors } from '@canopy/domain';
import { ProcessorEntity, ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { assessmentRecords, type EnforcementReader } from '../assessments';
import type { ServiceFinding } from '../findings';
import type { HomeRegionReader } from '../home-region';
import { processorsAt, processorTransferFacts } from '../processors';
import { revisionsInStatusAt, revisionToSharingArrangement, type SharingArrangement, toSharingArrangement } from '../sharing';
import { loadAdequacyEntries } from './adequacy.queries';

export interface TransferImpactResult {
  scenario: string;
  affected: { arrangement: SharingArrangement; countries: string[]; hasFallback: boolean; findingsOpening: ServiceFinding[] }[];
}

/** The arrangements the what-if looks at (the domain skips any other status too). */
const LIVE: SharingStatus[] = ['DRAFT', 'PENDING_REVIEW', 'APPROVED'];

/**
 * `transferImpact`: reads the live arrangements, the processors, the
 * services, the register, the home region, enforcement and the arrangements'
 * TIAs in seven statements whatever the organisation's size (eight from a
 * past instant), and hands them to the domain's what-if. Saves nothing. A
 * safeguard mechanism is a fallback where an approved, unexpired, current
 * TIA covers the arrangement at the scenario's instant; findings are LOW
 * until enforcement is on. From a past instant, the arrangements, processors
 * and TIAs are those of that instant (their revisions then); from now or a
 * future one, they are today's.
 */
export class TransferImpactService {
  constructor(
    private readonly db: Database,
    private readonly homeRegion: HomeRegionReader,
    private readonly enforcement: EnforcementReader,
  ) {}

  async impact(input: { withdrawAdequacy?: string[] | null; invalidateMechanisms?: TransferMechanism[] | null; from?: Date | null }, now: Date): Promise<TransferImpactResult> {
    const scenario = { withdrawAdequacy: input.withdrawAdequacy ?? [], invalidateMechanisms: input.invalidateMechanisms ?? [], from: input.from ?? now };
    const errors = transferScenarioErrors(scenario);
    if (errors.length) throw badInput(errors.map((e) => e.message).join('; '), { argument: errors[0].argument });

    const m = this.db.manager;
    const past = scenario.from.getTime() < now.getTime();
    const [arrangements, processors, services, entries, homeRegion, enforceFrom, assessments] = await Promise.all([
      past ? liveAt(m, scenario.from) : liveNow(m),
      past ? processorsAt(m, 'all', scenario.from) : m.find(ProcessorEntity),
      m.find(ServiceEntity),
      loadAdequacyEntries(m),
      this.homeRegion.at(scenario.from, m),
      this.enforcement.enforceFrom(m),
      assessmentRecords(m, 'all', scenario.from, past),
    ]);
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
    const outcome = transferImpact(scenario, { arrangements: facts, homeRegion, adequacy: entries, enforceFrom });
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
}

/** Today's live arrangements, oldest first. */
async function liveNow(m: EntityManager): Promise<SharingArrangement[]> {
  return (await m.find(SharingArrangementEntity, { where: { status: In(LIVE) }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toSharingArrangement);
}

/** The arrangements live at `at`, as they stood then, oldest first. */
async function liveAt(m: EntityManager, at: Date): Promise<SharingArrangement[]> {
  return (await revisionsInStatusAt(m, 'all', LIVE, at)).map(({ revision, origin }) => revisionToSharingArrangement(revision, origin, at));
}
