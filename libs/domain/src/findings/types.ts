import type { EncryptionLevel } from '../clauses/scales';
import type { ClauseTopic } from '../clauses/topics';
import type { AssessmentRecord } from '../assessments/status-at';
import type { EffectiveClause } from '../precedence/types';
import type { DataSource, LegalBasis, SharingStatus } from '../shared/vocabulary';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { AdequacyEntry, AdequacyRegister } from '../transfers/adequacy-register';
import type { ProcessorTransferFacts } from '../transfers/transfer-facts';
import type { FindingRule, Severity } from './rules';

/** The contract's `InventoryItem` fields that findings read. */
export interface InventoryItemFacts {
  dataCategory: string;
  purposes: readonly string[];
  source: DataSource;
  devicePermission?: string | null;
  legalBasis: LegalBasis;
  /** null = kept indefinitely. */
  retentionDays: number | null;
  encryption: EncryptionLevel;
  publiclyVisible: boolean;
}

export interface ArrangementFacts {
  id: string;
  status: SharingStatus;
  dataCategories: readonly string[];
  legalBasis: LegalBasis;
  /** Read by the section 9 rules (a TIA assesses them); none when absent. */
  purposes?: readonly string[];
  /** With `country` (and the other transfer facts) its transfers are assessed when `FindingsInput.assessments` is given. */
  processor: { key: string; dpaSignedAt: Date | null; dpaExpiresAt: Date | null } & Partial<Omit<ProcessorTransferFacts, 'key'>>;
  /** The arrangement's TIAs, any status. */
  tias?: readonly AssessmentRecord[];
}

/** What the section 9 rules read besides the section 4 facts. */
export interface AssessmentRulesInput {
  /** `enforceAssessmentsFrom`; null: never turned on, the rules are advisory. */
  enforceFrom: Date | null;
  /** The home region in force now. */
  homeRegion: { name: string; countries: readonly string[] };
  /** Absent: TRANSFER_UNLAWFUL does not run (DPIA_MISSING and ASSESSMENT_EXPIRED still do). */
  adequacy?: AdequacyRegister | readonly AdequacyEntry[];
  /** The service's DPIAs, any status. */
  dpias: readonly AssessmentRecord[];
}

export interface OpenConflictFacts {
  id: string;
  topic: ClauseTopic;
  subject: string;
}

/** A notice e-mail the outbox gave up on (DESIGN.md section 8). */
export interface UndeliveredNoticeFacts {
  noticeId: string;
  recipient: string;
  attempts: number;
  /** The last delivery error, as the outbox recorded it. */
  lastError: string | null;
}

export interface FindingsInput {
  service: { key: string; servesMinors: boolean };
  inventory: readonly InventoryItemFacts[];
  /** The service's effective policy now. */
  effectiveClauses: readonly EffectiveClause[];
  arrangements: readonly ArrangementFacts[];
  /** OPEN conflicts of the pair in force now (not those of a scheduled pair). */
  openConflictsInForce: readonly OpenConflictFacts[];
  taxonomy: Taxonomy;
  now: Date;
  /** DESIGN.md section 9 (TRANSFER_UNLAWFUL, DPIA_MISSING, ASSESSMENT_EXPIRED); absent: those rules do not run. */
  assessments?: AssessmentRulesInput;
  /** Notice e-mails about the service (its own notices, the GLOBAL ones to its recipients) whose delivery FAILED. */
  undeliveredNotices?: readonly UndeliveredNoticeFacts[];
}

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  dataCategory: string | null;
  message: string;
  /** The effective clause the finding is measured against. */
  clause: EffectiveClause | null;
}
