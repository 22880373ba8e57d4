/* Test builders for the assessment and transfer specs (not exported from the library). */
import type { AssessmentRecord } from '../assessments/status-at';
import { DEFAULT_HOME_REGION } from '../regions/home-region';
import type { AdequacyEntry } from '../transfers/adequacy-register';
import type { ArrangementContent, ProcessorTransferFacts } from '../transfers/transfer-facts';
import { tiaContentFingerprint } from '../transfers/tia-fingerprint';

export const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

export const EEA = DEFAULT_HOME_REGION;

export const content = (over: Partial<ArrangementContent> = {}): ArrangementContent => ({
  dataCategories: ['device.log'],
  purposes: ['service.improve'],
  legalBasis: 'CONTRACT',
  ...over,
});

export const processor = (over: Partial<ProcessorTransferFacts> = {}): ProcessorTransferFacts => ({
  key: 'acme',
  country: 'DE',
  transferMechanism: null,
  certifications: [],
  subProcessors: [],
  ...over,
});

export const entry = (country: string, validFrom: string, over: Partial<Omit<AdequacyEntry, 'validFrom'>> = {}): AdequacyEntry => ({
  country,
  validFrom: day(validFrom),
  validUntil: null,
  scope: null,
  recordedAt: day(validFrom),
  ...over,
});

/** An APPROVED TIA of exactly this arrangement, approved and due as given. */
export const approvedTia = (c: ArrangementContent, p: ProcessorTransferFacts, approvedAt: string, reviewDueAt: string): AssessmentRecord => ({
  kind: 'TIA',
  status: 'APPROVED',
  approvedAt: day(approvedAt),
  reviewDueAt: day(reviewDueAt),
  assessedCategories: [],
  assessedContent: tiaContentFingerprint(c, p),
});

export const approvedDpia = (assessedCategories: string[], approvedAt: string, reviewDueAt: string): AssessmentRecord => ({
  kind: 'DPIA',
  status: 'APPROVED',
  approvedAt: day(approvedAt),
  reviewDueAt: day(reviewDueAt),
  assessedCategories,
  assessedContent: null,
});
