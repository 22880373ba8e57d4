import type { AssessmentKind, RiskLevel } from '@canopy/domain';

/** What an assessment is about: the service (DPIA), or the service's sharing with a processor (TIA). */
export function assessmentSubject(a: { service: { name: string }; sharingArrangement?: { processor: { name: string } } | null }): string {
  return a.sharingArrangement ? `${a.service.name} → ${a.sharingArrangement.processor.name}` : a.service.name;
}

export const KIND_NAMES = {
  DPIA: 'Data protection impact assessment',
  TIA: 'Transfer impact assessment',
} as const;

export const RISK_LEVEL_OPTIONS: { value: RiskLevel; label: string }[] = [
  { value: 'LOW', label: 'low' },
  { value: 'MEDIUM', label: 'medium' },
  { value: 'HIGH', label: 'high' },
];

/** HIGH residual risks keep an assessment from approval until the supervisory authority was consulted (GDPR Art. 36). */
export const highResidualCount = (risks: readonly { residual: string }[]): number => risks.filter((r) => r.residual === 'HIGH').length;

/** Where "Start DPIA" (a service) and "Start TIA" (a sharing arrangement) lead: the editor of a draft not saved yet. */
export const newAssessmentPath = (kind: AssessmentKind, serviceKey: string, arrangementId?: string) =>
  `/assessments/new?${new URLSearchParams({ kind, service: serviceKey, ...(arrangementId ? { arrangement: arrangementId } : {}) }).toString()}`;
