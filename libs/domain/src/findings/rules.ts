export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));

/** True when `severity` is `min` or more severe. */
export function severityAtLeast(severity: Severity, min: Severity): boolean {
  return (RANK.get(severity) ?? -1) >= (RANK.get(min) ?? Number.POSITIVE_INFINITY);
}

/**
 * Stable rule ids and their severities (DESIGN.md section 4, then the
 * assessment rules of section 9, LOW until enforced, then the notice rule
 * of section 8), in table order.
 */
export const FINDING_RULES = {
  COLLECTION_PROHIBITED: 'CRITICAL',
  COLLECTION_WITHOUT_CONSENT: 'HIGH',
  COLLECTION_UNDISCLOSED: 'MEDIUM',
  USE_PROHIBITED: 'HIGH',
  USE_WITHOUT_CONSENT: 'MEDIUM',
  USE_UNDISCLOSED: 'MEDIUM',
  RETENTION_EXCEEDED: 'MEDIUM',
  ENCRYPTION_INSUFFICIENT: 'HIGH',
  COMMUNICATION_WITHOUT_CONSENT: 'MEDIUM',
  PUBLIC_SHARING_PROHIBITED: 'HIGH',
  MINOR_DATA_WITHOUT_CONSENT: 'HIGH',
  SHARING_PROHIBITED: 'CRITICAL',
  SHARING_UNDECLARED_CATEGORY: 'MEDIUM',
  PROCESSOR_DPA_INVALID: 'HIGH',
  CONFLICT_OPEN: 'LOW',
  TRANSFER_UNLAWFUL: 'CRITICAL',
  DPIA_MISSING: 'HIGH',
  ASSESSMENT_EXPIRED: 'MEDIUM',
  NOTICE_UNDELIVERED: 'HIGH',
} as const satisfies Record<string, Severity>;

export type FindingRule = keyof typeof FINDING_RULES;
export const FINDING_RULE_IDS = Object.keys(FINDING_RULES) as FindingRule[];
