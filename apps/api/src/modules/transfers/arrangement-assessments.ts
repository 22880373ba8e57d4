import type { EntityManager } from 'typeorm';
import type { AssessmentChecksFacts, AssessmentRecord } from '@canopy/domain';
import { assessmentRecord, type AssessmentLoaders, createAssessmentLoaders, type EnforcementReader, toAssessment } from '../assessments';
import { createHomeRegionLoaders, type HomeRegionLoaders, type HomeRegionReader } from '../home-region';
import { createProcessorLoaders, type ProcessorLoaders, processorTransferFacts } from '../processors';
import type { AssessmentCheckFactsIn } from '../sharing';
import { createTransferLoaders, type TransferLoaders } from './transfers.loaders';

/** What of an arrangement its assessments and transfer facts are looked up by. */
export interface ArrangementRef {
  id: string;
  serviceId: string;
  processorId: string;
  purposes: readonly string[];
}

/** The arrangement's TIAs and its service's DPIAs, any status, as the domain reads them. */
export interface ArrangementAssessments {
  tias: AssessmentRecord[];
  dpias: AssessmentRecord[];
}

/**
 * The TIAs of an arrangement and the DPIAs of its service: now (null) from
 * the current rows, or as they stood at `at`; one statement for a page of
 * services (a TIA belongs to its arrangement's service).
 */
export async function arrangementAssessments(
  loaders: Pick<AssessmentLoaders, 'assessmentsByServiceId' | 'assessmentsAt'>,
  arrangement: Pick<ArrangementRef, 'id' | 'serviceId'>,
  at: Date | null,
): Promise<ArrangementAssessments> {
  const all = at
    ? await loaders.assessmentsAt.load({ serviceId: arrangement.serviceId, at })
    : (await loaders.assessmentsByServiceId.load(arrangement.serviceId)).map(toAssessment);
  return {
    tias: all.filter((a) => a.kind === 'TIA' && a.arrangementId === arrangement.id).map(assessmentRecord),
    dpias: all.filter((a) => a.kind === 'DPIA').map(assessmentRecord),
  };
}

type Needed = Pick<ProcessorLoaders, 'processorById'> &
  Pick<AssessmentLoaders, 'assessmentsByServiceId' | 'assessmentsAt' | 'assessmentEnforcement'> &
  Pick<TransferLoaders, 'adequacyRegister'> &
  HomeRegionLoaders;

/**
 * The facts of TRANSFER_LAWFUL and DPIA_APPROVED (DESIGN.md section 9) of an
 * arrangement, now, through the given loaders: enforcement, the home region
 * now and the adequacy register once per request, the processor and the
 * assessments batched over a page of arrangements.
 */
export function createAssessmentCheckLoaders(loaders: Needed) {
  return {
    async assessmentCheckFacts(arrangement: ArrangementRef): Promise<AssessmentChecksFacts> {
      const [enforceFrom, homeRegion, adequacy, processor, { tias, dpias }] = await Promise.all([
        loaders.assessmentEnforcement(),
        loaders.homeRegionNow(),
        loaders.adequacyRegister(),
        loaders.processorById.load(arrangement.processorId),
        arrangementAssessments(loaders, arrangement, null),
      ]);
      if (!processor) throw new Error(`arrangement ${arrangement.id} has no processor ${arrangement.processorId}`);
      return {
        enforceFrom,
        homeRegion: { name: homeRegion.name, countries: homeRegion.countries },
        adequacy,
        purposes: arrangement.purposes,
        processor: processorTransferFacts(processor),
        tias,
        dpias,
      };
    },
  };
}

/** The same facts read through `m` at `now`: what an approval judges inside its transaction. */
export function assessmentCheckLoadersIn(homeRegion: HomeRegionReader, enforcement: EnforcementReader): AssessmentCheckFactsIn {
  return (m: EntityManager, now: Date) =>
    createAssessmentCheckLoaders({
      ...createProcessorLoaders(m),
      ...createAssessmentLoaders(m, enforcement),
      ...createTransferLoaders(m, homeRegion),
      ...createHomeRegionLoaders(homeRegion, m, now),
    });
}
