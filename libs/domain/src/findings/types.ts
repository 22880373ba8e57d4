import type { EncryptionLevel } from '../clauses/scales';
import type { ClauseTopic } from '../clauses/topics';
import type { EffectiveClause } from '../precedence/types';
import type { DataSource, LegalBasis, SharingStatus } from '../shared/vocabulary';
import type { Taxonomy } from '../taxonomy/taxonomy';
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
  processor: { key: string; dpaSignedAt: Date | null; dpaExpiresAt: Date | null };
}

export interface OpenConflictFacts {
  id: string;
  topic: ClauseTopic;
  subject: string;
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
}

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  dataCategory: string | null;
  message: string;
  /** The effective clause the finding is measured against. */
  clause: EffectiveClause | null;
}
