import type { Taxonomy } from '../taxonomy/taxonomy';
import { WILDCARD } from '../keys/taxonomy-key';
import { SCALES, isOnScale } from './scales';
import { parseSubject } from './subject';
import { GLOBAL_ONLY_TOPICS, type PolicyScope, isClauseTopic } from './topics';

export type ClauseErrorCode =
  | 'UNKNOWN_TOPIC'
  | 'MALFORMED_SUBJECT'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_USE'
  | 'VALUE_OFF_SCALE'
  | 'DUPLICATE_SUBJECT'
  | 'AMENDMENT_IN_SERVICE_POLICY'
  | 'LOCKED_IN_SERVICE_POLICY';

/** One invalid clause field; all map to `BAD_USER_INPUT`. */
export interface ClauseError {
  code: ClauseErrorCode;
  /** Position of the clause in the submitted list. */
  index: number;
  field: 'topic' | 'subject' | 'value' | 'locked';
  /** The offending key or value, verbatim. */
  offending: string;
  message: string;
}

/** Input as it may arrive from a client: fields are checked, not trusted. */
export interface ClauseCandidate {
  topic: string;
  subject: string;
  value: string;
  locked?: boolean | null;
  text?: string | null;
}

export interface ClauseSetContext {
  scope: PolicyScope;
  /** Membership of the keys a subject names. */
  taxonomy: Pick<Taxonomy, 'hasCategory' | 'hasUse'>;
}

/**
 * Every problem of a clause set (DESIGN.md section 1), in clause order. An
 * empty list means valid. A duplicate (topic, subject) is reported on every
 * occurrence after the first.
 */
export function validateClauseSet(clauses: readonly ClauseCandidate[], ctx: ClauseSetContext): ClauseError[] {
  const errors: ClauseError[] = [];
  const seen = new Map<string, number>();
  clauses.forEach((clause, index) => {
    const at = `clauses[${index}]`;
    const fail = (code: ClauseErrorCode, field: ClauseError['field'], offending: string, message: string) =>
      errors.push({ code, index, field, offending, message: `${at}.${field}: ${message}` });

    if (!isClauseTopic(clause.topic)) {
      fail('UNKNOWN_TOPIC', 'topic', String(clause.topic), `unknown topic "${String(clause.topic)}"`);
      return;
    }
    const topic = clause.topic;
    const parsed = parseSubject(topic, clause.subject);
    if (!parsed.ok) {
      fail('MALFORMED_SUBJECT', 'subject', String(clause.subject), parsed.reason);
    } else {
      const { category, use } = parsed.subject;
      if (category !== null && category !== WILDCARD && !ctx.taxonomy.hasCategory(category)) {
        fail('UNKNOWN_CATEGORY', 'subject', category, `unknown data category "${category}"`);
      }
      if (use !== null && use !== WILDCARD && !ctx.taxonomy.hasUse(use)) {
        fail('UNKNOWN_USE', 'subject', use, `unknown data use "${use}"`);
      }
      const key = `${topic} ${clause.subject}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail('DUPLICATE_SUBJECT', 'subject', clause.subject, `${topic} ${clause.subject} is already set by clauses[${first}]`);
      } else {
        seen.set(key, index);
      }
    }
    if (!isOnScale(topic, clause.value)) {
      fail('VALUE_OFF_SCALE', 'value', String(clause.value), `"${String(clause.value)}" is not on the ${topic} scale: ${SCALES[topic].description}`);
    }
    if (ctx.scope === 'SERVICE' && GLOBAL_ONLY_TOPICS.includes(topic)) {
      fail('AMENDMENT_IN_SERVICE_POLICY', 'topic', topic, `${topic} clauses belong to the GLOBAL policy only`);
    }
    if (ctx.scope === 'SERVICE' && clause.locked === true) {
      fail('LOCKED_IN_SERVICE_POLICY', 'locked', 'true', 'only GLOBAL clauses can be locked');
    }
  });
  return errors;
}
