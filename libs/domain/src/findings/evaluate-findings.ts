import { ClauseIndex } from '../clauses/clause-index';
import { UNLIMITED, compareValues } from '../clauses/scales';
import { parseSubject } from '../clauses/subject';
import { coversKey } from '../keys/taxonomy-key';
import type { EffectiveClause } from '../precedence/types';
import { byCodeUnit } from '../shared/order';
import { dpaProblem } from '../sharing/dpa';
import { inventoryHolds } from '../sharing/inventory-coverage';
import { sharedCategoryKeys } from '../sharing/shared-categories';
import { arrangementLabel, assessmentFindings } from './assessment-findings';
import { noticeFindings } from './notice-findings';
import { FINDING_RULES, FINDING_RULE_IDS, type FindingRule, SEVERITIES, type Severity } from './rules';
import type { Finding, FindingsInput, InventoryItemFacts } from './types';

const MARKETING_CHANNELS = ['marketing.email', 'marketing.push'] as const;
const ACTIVE_FOR_DECLARATION = new Set(['DRAFT', 'PENDING_REVIEW', 'APPROVED']);

/**
 * Compliance findings of one service (DESIGN.md section 4), computed from
 * current data. Each inventory item is measured against the effective
 * clause that applies to its category (nearest match over the effective
 * clauses); no applicable clause means no limit, except for the UNDISCLOSED
 * rules. Identical findings (same rule, category and message) are reported
 * once. Sorted by severity (most severe first), then table order, category
 * and message. With `assessments` the section 9 rules run too (see
 * `assessmentFindings`); without, the findings are those of section 4.
 */
export function evaluateFindings(input: FindingsInput): Finding[] {
  const index = new ClauseIndex(input.effectiveClauses);
  const out = new Map<string, Finding>();
  const add = (rule: FindingRule, dataCategory: string | null, message: string, clause: EffectiveClause | null, severity: Severity = FINDING_RULES[rule]) => {
    const key = `${rule}\u0000${dataCategory ?? ''}\u0000${message}`;
    if (!out.has(key)) out.set(key, { rule, severity, dataCategory, message, clause });
  };
  const svc = `service ${input.service.key}`;

  for (const item of input.inventory) itemFindings(item, index, input, svc, add);

  for (const arrangement of input.arrangements) {
    const what = arrangementLabel(arrangement.id, arrangement.processor.key);
    if (arrangement.status === 'APPROVED') {
      for (const category of sharedCategoryKeys(arrangement.dataCategories, input.taxonomy)) {
        const clause = index.applicable('SHARING', `${category}:third_party`);
        if (clause?.value === 'PROHIBITED') {
          add('SHARING_PROHIBITED', category, `approved ${what} shares ${category} although ${ref(clause)} prohibits it`, clause);
        }
      }
      const dpa = dpaProblem(arrangement.processor, input.now);
      if (dpa) add('PROCESSOR_DPA_INVALID', null, `approved ${what}: the processor ${dpa}`, null);
    }
    if (ACTIVE_FOR_DECLARATION.has(arrangement.status)) {
      const held = input.inventory.map((i) => i.dataCategory);
      for (const category of new Set(arrangement.dataCategories)) {
        if (!inventoryHolds(held, category)) {
          add('SHARING_UNDECLARED_CATEGORY', category, `${what} (${arrangement.status}) shares ${category}, which the inventory of ${svc} does not hold`, null);
        }
      }
    }
  }

  for (const conflict of input.openConflictsInForce) {
    const parsed = parseSubject(conflict.topic, conflict.subject);
    const category = parsed.ok && parsed.subject.category !== '*' ? parsed.subject.category : null;
    add('CONFLICT_OPEN', category, `conflict ${conflict.id} on ${conflict.topic} ${conflict.subject} awaits review`, index.get(conflict.topic, conflict.subject) ?? null);
  }

  assessmentFindings(input, add);
  noticeFindings(input, add);

  return [...out.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
      FINDING_RULE_IDS.indexOf(a.rule) - FINDING_RULE_IDS.indexOf(b.rule) ||
      byCodeUnit(a.dataCategory ?? '', b.dataCategory ?? '') ||
      byCodeUnit(a.message, b.message),
  );
}

type Add = (rule: FindingRule, dataCategory: string | null, message: string, clause: EffectiveClause | null) => void;

function itemFindings(item: InventoryItemFacts, index: ClauseIndex<EffectiveClause>, input: FindingsInput, svc: string, add: Add): void {
  const cat = item.dataCategory;
  const consent = item.legalBasis === 'CONSENT';
  const basis = `legal basis ${item.legalBasis}`;

  const collection = index.applicable('COLLECTION', cat);
  if (!collection) add('COLLECTION_UNDISCLOSED', cat, `${svc} collects ${cat}, which no COLLECTION clause covers`, null);
  else if (collection.value === 'PROHIBITED') add('COLLECTION_PROHIBITED', cat, `${svc} collects ${cat} although ${ref(collection)} prohibits it`, collection);
  else if (collection.value === 'CONSENT' && !consent) add('COLLECTION_WITHOUT_CONSENT', cat, `${svc} collects ${cat} on ${basis} but ${ref(collection)} requires consent`, collection);

  for (const purpose of new Set(item.purposes)) {
    const use = index.applicable('USE', `${cat}:${purpose}`);
    if (!use) add('USE_UNDISCLOSED', cat, `${svc} uses ${cat} for ${purpose}, which no USE clause covers`, null);
    else if (use.value === 'PROHIBITED') add('USE_PROHIBITED', cat, `${svc} uses ${cat} for ${purpose} although ${ref(use)} prohibits it`, use);
    else if (use.value === 'CONSENT' && !consent) add('USE_WITHOUT_CONSENT', cat, `${svc} uses ${cat} for ${purpose} on ${basis} but ${ref(use)} requires consent`, use);

    const channel = MARKETING_CHANNELS.find((c) => coversKey(c, purpose));
    if (channel) {
      const communication = index.applicable('COMMUNICATION', channel);
      if (communication?.value === 'OPT_IN' && !consent) {
        add('COMMUNICATION_WITHOUT_CONSENT', cat, `${svc} uses ${cat} for ${purpose} on ${basis} but ${ref(communication)} requires opt-in consent`, communication);
      }
    }
  }

  const retention = index.applicable('RETENTION', cat);
  if (retention && retention.value !== UNLIMITED) {
    const limit = Number(retention.value);
    if (item.retentionDays === null) add('RETENTION_EXCEEDED', cat, `${svc} keeps ${cat} indefinitely but ${ref(retention)} limits it to ${limit} days`, retention);
    else if (item.retentionDays > limit) add('RETENTION_EXCEEDED', cat, `${svc} keeps ${cat} for ${item.retentionDays} days but ${ref(retention)} limits it to ${limit} days`, retention);
  }

  const encryption = index.applicable('ENCRYPTION', cat);
  if (encryption && compareValues('ENCRYPTION', item.encryption, encryption.value) === 'WEAKER') {
    add('ENCRYPTION_INSUFFICIENT', cat, `${svc} protects ${cat} with encryption ${item.encryption} but ${ref(encryption)} requires more`, encryption);
  }

  if (item.publiclyVisible) {
    const sharing = index.applicable('SHARING', `${cat}:public`);
    if (sharing && (sharing.value === 'PROHIBITED' || (sharing.value === 'CONSENT' && !consent))) {
      const why = sharing.value === 'PROHIBITED' ? 'prohibits it' : `requires consent, ${basis}`;
      add('PUBLIC_SHARING_PROHIBITED', cat, `${svc} makes ${cat} publicly visible but ${ref(sharing)} ${why}`, sharing);
    }
  }

  if (input.service.servesMinors && input.taxonomy.isSensitive(cat) && !consent) {
    add('MINOR_DATA_WITHOUT_CONSENT', cat, `${svc} serves minors and holds sensitive ${cat} on ${basis} instead of consent`, index.applicable('MINORS', 'guardian_consent_age'));
  }
}

function ref(c: EffectiveClause): string {
  return `${c.topic} ${c.subject} = ${c.value} (${c.source.toLowerCase()} policy ${c.policyKey} v${c.policyVersion})`;
}
