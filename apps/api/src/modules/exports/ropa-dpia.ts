import type { ServiceDpiaStatus } from '@canopy/domain';

/** The DPIA status of a record-of-processing activity, in data and in words (DESIGN.md section 9). */

/** A service's DPIA at the record's instant, as the domain judges it. */
export interface RopaDpiaFacts {
  required: boolean;
  /** Each criterion met, as a sentence. */
  criteria: readonly string[];
  status: ServiceDpiaStatus;
  /** The DPIA the status is of; null when NONE. */
  assessmentId: string | null;
  approvedAt: Date | null;
  reviewDueAt: Date | null;
  /** Why EXPIRED or STALE. */
  statusReason: string | null;
}

/** The DPIA status an activity carries: the facts and, in words, what an auditor reads first. */
export interface RopaDpiaRow extends RopaDpiaFacts {
  criteria: string[];
  /** e.g. "required (2 criteria met), its DPIA was approved on 2026-01-10, review due 2027-01-10". */
  summary: string;
}

/** A service the caller gave no DPIA facts for: nothing known to require one. */
export const UNJUDGED: RopaDpiaFacts = { required: false, criteria: [], status: 'NONE', assessmentId: null, approvedAt: null, reviewDueAt: null, statusReason: null };

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export function dpiaRow(facts: RopaDpiaFacts): RopaDpiaRow {
  const n = facts.criteria.length;
  const requirement = facts.required ? `required (${n} criteria met)` : n ? `not required (${n} criterion met)` : 'not required';
  return { ...facts, criteria: [...facts.criteria], summary: `${requirement}, ${dpiaStatusWords(facts)}` };
}

/** The standing of the service's DPIA in words: "no DPIA is recorded", "its DPIA is in review", "its DPIA expired on D (approved on D0)"... */
export function dpiaStatusWords(facts: RopaDpiaFacts): string {
  const approved = facts.approvedAt ? `approved on ${utcDay(facts.approvedAt)}` : 'approved';
  switch (facts.status) {
    case 'NONE':
      return 'no DPIA is recorded';
    case 'APPROVED':
      return `its DPIA was ${approved}${facts.reviewDueAt ? `, review due ${utcDay(facts.reviewDueAt)}` : ''}`;
    case 'EXPIRED':
      return `its DPIA expired${facts.reviewDueAt ? ` on ${utcDay(facts.reviewDueAt)}` : ''} (${approved})`;
    case 'STALE':
      return `its DPIA is stale (${approved}, ${facts.statusReason ?? 'the service changed since'})`;
    case 'IN_REVIEW':
      return 'its DPIA is in review';
    case 'DRAFT':
      return 'its DPIA is a draft';
    case 'REJECTED':
      return 'its DPIA was rejected';
  }
}
