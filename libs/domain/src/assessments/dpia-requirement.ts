import { coversKey } from '../keys/taxonomy-key';
import { isInRegion } from '../regions/home-region';
import type { SharingStatus } from '../shared/vocabulary';
import { sharedCategoryKeys } from '../sharing/shared-categories';
import type { Taxonomy } from '../taxonomy/taxonomy';

/** The criteria of DESIGN.md section 9 that Canopy can see (the EDPB's list for GDPR Art. 35), in its order. */
export const DPIA_CRITERIA = [
  'SENSITIVE_DATA',
  'VULNERABLE_DATA_SUBJECTS',
  'EVALUATION_OR_SCORING',
  'MATCHING_OR_COMBINING',
  'SYSTEMATIC_MONITORING',
  'INNOVATIVE_TECHNOLOGY',
  'SENSITIVE_TRANSFER',
] as const;
export type DpiaCriterion = (typeof DPIA_CRITERIA)[number];

/** Two or more criteria met: a DPIA is required (the EDPB's rule of thumb). */
export const DPIA_CRITERIA_THRESHOLD = 2;

/** Longer than this, or indefinitely, turns location or device identifiers into systematic monitoring. */
export const MONITORING_RETENTION_DAYS = 90;

const MONITORING_CATEGORIES = ['device.location', 'device.identifier'];
const MINOR_CATEGORY = 'user.minor';
const BIOMETRIC_CATEGORY = 'user.biometric';
const SCORING_USE = 'personalize';
const COMBINING_USE = 'cross_service';
/** Arrangements that share data, or are proposed to: a DPIA comes before the processing (Art. 35(1)). */
const PROPOSED_OR_ACTIVE: readonly SharingStatus[] = ['PENDING_REVIEW', 'APPROVED'];

export interface DpiaFacts {
  service: { servesMinors: boolean };
  inventory: readonly { dataCategory: string; purposes: readonly string[]; retentionDays: number | null }[];
  /** The service's arrangements; only those PENDING_REVIEW or APPROVED count. */
  arrangements?: readonly {
    status: SharingStatus;
    dataCategories: readonly string[];
    processor: { country: string; subProcessors?: readonly { country: string }[] | null };
  }[];
  /** The home region in force; with no arrangements it is not read. */
  homeRegion?: { name: string; countries: readonly string[] };
  taxonomy: Taxonomy;
}

export interface DpiaCriterionMet {
  id: DpiaCriterion;
  sentence: string;
}

export interface DpiaRequirement {
  required: boolean;
  /** The criteria met, in {@link DPIA_CRITERIA} order; the contract's `reasons` are their sentences. */
  criteria: DpiaCriterionMet[];
}

/**
 * Whether a service needs a DPIA, with each criterion met as a sentence.
 *
 * Readings of the taxonomy (DESIGN.md section 1): an inventory item meets
 * a criterion named after a key when it declares that key or one below it
 * (`user.biometric.face` is biometric data; a child of a sensitive
 * category is sensitive too). An item declared at a parent (`device`) is
 * taken at its word and does not count as the sensitive children under it:
 * sensitivity is never inherited upwards, as in the findings; otherwise
 * every service declaring `user` would need a DPIA. Uses likewise: a
 * purpose below `personalize` is evaluation. A transfer, by contrast, shares
 * every category below the one it names (as `sharedCategoryKeys` decides for
 * approvals), so sharing `device` outside the home region transfers
 * location data.
 */
export function dpiaRequirement(facts: DpiaFacts): DpiaRequirement {
  const { inventory, taxonomy } = facts;
  const categories = (match: (category: string) => boolean) => [...new Set(inventory.map((i) => i.dataCategory).filter(match))].sort();
  const usedFor = (use: string) => [...new Set(inventory.filter((i) => i.purposes.some((p) => coversKey(use, p))).map((i) => i.dataCategory))].sort();
  const under = (key: string) => (category: string) => coversKey(key, category);

  const sensitive = categories((c) => taxonomy.isSensitive(c));
  const minors = categories(under(MINOR_CATEGORY));
  const scoring = usedFor(SCORING_USE);
  const combining = usedFor(COMBINING_USE);
  const monitoring = [
    ...new Set(
      inventory
        .filter((i) => MONITORING_CATEGORIES.some((k) => coversKey(k, i.dataCategory)) && (i.retentionDays === null || i.retentionDays > MONITORING_RETENTION_DAYS))
        .map((i) => `${i.dataCategory} (${i.retentionDays === null ? 'kept indefinitely' : `kept ${i.retentionDays} days`})`),
    ),
  ].sort();
  const biometric = categories(under(BIOMETRIC_CATEGORY));
  const transfers = sensitiveTransfers(facts);

  const met: DpiaCriterionMet[] = [];
  const meet = (id: DpiaCriterion, found: readonly string[], sentence: string) => {
    if (found.length) met.push({ id, sentence });
  };
  meet('SENSITIVE_DATA', sensitive, `sensitive data: the service collects ${sensitive.join(', ')}`);
  const vulnerable = facts.service.servesMinors ? ['serves minors', ...minors.map((c) => `collects ${c}`)] : minors.map((c) => `collects ${c}`);
  meet('VULNERABLE_DATA_SUBJECTS', vulnerable, `vulnerable data subjects: the service ${vulnerable.join(' and ')}`);
  meet('EVALUATION_OR_SCORING', scoring, `evaluation or scoring: the service uses ${scoring.join(', ')} for ${SCORING_USE}`);
  meet('MATCHING_OR_COMBINING', combining, `matching or combining datasets: the service uses ${combining.join(', ')} in another service (${COMBINING_USE})`);
  meet('SYSTEMATIC_MONITORING', monitoring, `systematic monitoring: the service collects ${monitoring.join(', ')}, over ${MONITORING_RETENTION_DAYS} days`);
  meet('INNOVATIVE_TECHNOLOGY', biometric, `innovative technology: the service collects ${biometric.join(', ')}`);
  const region = facts.homeRegion?.name ?? 'the home region';
  meet('SENSITIVE_TRANSFER', transfers, `transfer outside the home region: sensitive ${transfers.join(', ')} leaves ${region}`);

  return { required: met.length >= DPIA_CRITERIA_THRESHOLD, criteria: met };
}

/** "device.location (to IN, US)" for each sensitive shared category leaving the home region. */
function sensitiveTransfers(facts: DpiaFacts): string[] {
  const region = facts.homeRegion;
  if (!region) return [];
  const out = new Map<string, Set<string>>();
  for (const a of facts.arrangements ?? []) {
    if (!PROPOSED_OR_ACTIVE.includes(a.status)) continue;
    const abroad = [a.processor.country, ...(a.processor.subProcessors ?? []).map((s) => s.country)].map((c) => c.toUpperCase()).filter((c) => !isInRegion(region, c));
    if (!abroad.length) continue;
    for (const category of sharedCategoryKeys(a.dataCategories, facts.taxonomy).filter((c) => facts.taxonomy.isSensitive(c))) {
      const to = out.get(category) ?? new Set<string>();
      abroad.forEach((c) => to.add(c));
      out.set(category, to);
    }
  }
  return [...out.keys()].sort().map((category) => `${category} (to ${[...out.get(category)!].sort().join(', ')})`);
}
