/** The contract's `AssessmentKind`: a DPIA belongs to a service, a TIA to a sharing arrangement. */
export const ASSESSMENT_KINDS = ['DPIA', 'TIA'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** The contract's `AssessmentStatus`: EXPIRED and STALE are derived from time and facts, never stored. */
export const ASSESSMENT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'EXPIRED', 'STALE'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The statuses a transition writes. */
export const STORED_ASSESSMENT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED'] as const;
export type StoredAssessmentStatus = (typeof STORED_ASSESSMENT_STATUSES)[number];

/** The contract's `RiskLevel`. */
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface AssessmentRisk {
  description: string;
  likelihood: RiskLevel;
  severity: RiskLevel;
  mitigation: string;
  residual: RiskLevel;
}

/** A consultation of the supervisory authority (GDPR Art. 36). */
export interface PriorConsultation {
  authority: string;
  consultedAt: Date;
  outcome: string;
}
