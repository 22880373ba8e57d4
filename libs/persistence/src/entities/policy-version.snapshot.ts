/** What a publication decided, as the audit log keeps it (the first 100 weakened subjects). */
export interface PublicationFacts {
  effectiveAt: Date | string;
  inForceFrom: Date | string;
  notice: unknown;
  materialReduction: boolean;
  weakenedSubjects: string[];
  conflictsOpened: number;
  conflictsCarriedForward: number;
  servicesWithConflicts: string[];
}

/** The before and after the audit log keeps of publishing version `number` of a policy. */
export const publicationChange = (number: number, facts: PublicationFacts) => ({
  before: { number, status: 'DRAFT' },
  after: { number, status: 'PUBLISHED', ...facts, weakenedSubjects: facts.weakenedSubjects.slice(0, 100) },
});
