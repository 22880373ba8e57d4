/**
 * In-process measurement of the pure what-if (DESIGN.md section 9), before
 * the API serves it:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/transfer-impact.ts [--arrangements 12000] [--services 5000] [--runs 5]
 * Builds a synthetic organisation (processors in and out of the EEA, with
 * and without DPF, SCC/BCR with approved TIAs on half the arrangements, a
 * sub-processor on three in four), withdraws US and UK adequacy and
 * invalidates BCR, and prints the time of each run with a calibration loop,
 * so a loaded machine can be told from a slow rule. A measurement, not an
 * assertion: the target (well under 2 s) is read off the output.
 */
import { parseArgs } from 'node:util';
import {
  ADEQUACY_SEED,
  DEFAULT_HOME_REGION,
  type ImpactArrangement,
  type ProcessorTransferFacts,
  type TransferMechanism,
  tiaContentFingerprint,
  transferImpact,
} from '@canopy/domain';

const { values } = parseArgs({ options: { arrangements: { type: 'string', default: '12000' }, services: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
const total = Number(values.arrangements);
const services = Number(values.services);

const COUNTRIES = ['US', 'US', 'GB', 'IN', 'JP', 'FR', 'CH', 'BR'];
const MECHANISMS: (TransferMechanism | null)[] = ['ADEQUACY_DECISION', 'STANDARD_CONTRACTUAL_CLAUSES', 'BINDING_CORPORATE_RULES', null];
const approvedAt = new Date('2026-01-10T00:00:00Z');
const reviewDueAt = new Date('2027-01-10T00:00:00Z');

function arrangement(i: number): ImpactArrangement {
  const processor: ProcessorTransferFacts = {
    key: `p${i % 700}`,
    country: COUNTRIES[i % COUNTRIES.length],
    certifications: i % 3 ? ['DPF'] : [],
    transferMechanism: MECHANISMS[i % MECHANISMS.length],
    subProcessors: i % 4 ? [{ name: 'cdn', country: COUNTRIES[(i + 3) % COUNTRIES.length], transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }] : [],
  };
  const content = { dataCategories: ['device.log', 'user.account'], purposes: ['service.improve'], legalBasis: 'CONTRACT' };
  const tias = i % 2
    ? [{ kind: 'TIA' as const, status: 'APPROVED' as const, approvedAt, reviewDueAt, assessedCategories: [], assessedContent: tiaContentFingerprint(content, processor) }]
    : [];
  return { ...content, id: `a${i}`, serviceKey: `s${i % services}`, status: 'APPROVED', processor, tias };
}

function calibrate(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 10_000_000; i++) sum += Math.sqrt(i);
  if (sum < 0) throw new Error('unreachable');
  return performance.now() - started;
}

const arrangements = Array.from({ length: total }, (_, i) => arrangement(i));
const scenario = { withdrawAdequacy: ['US', 'GB'], invalidateMechanisms: ['BINDING_CORPORATE_RULES' as const], from: new Date('2026-06-01T00:00:00Z') };
const facts = { arrangements, homeRegion: DEFAULT_HOME_REGION, adequacy: ADEQUACY_SEED, enforceFrom: null };

console.log(`transferImpact over ${total} arrangements of ${services} services`);
for (let run = 1; run <= Number(values.runs); run++) {
  const started = performance.now();
  const impact = transferImpact(scenario, facts);
  const ms = performance.now() - started;
  const opening = impact.affected.reduce((n, item) => n + item.findingsOpening.length, 0);
  console.log(`run ${run}: ${ms.toFixed(0)} ms, ${impact.affected.length} affected (${impact.affected.filter((i) => i.hasFallback).length} with a fallback), ${opening} findings would open`);
}
console.log(`calibration: 10M square roots in ${calibrate().toFixed(0)} ms (about 15 ms on an idle core)`);
