import type { ClauseSource, ClauseTopic } from '../clauses/topics';
import { utcDay } from '../shared/dates';
import type { ConflictState } from './types';

export interface PolicyRef {
  source: ClauseSource;
  policyKey: string;
  version: number;
}

/** `global policy general v2` */
export function policyRef(ref: PolicyRef): string {
  return `${ref.source.toLowerCase()} policy ${ref.policyKey} v${ref.version}`;
}

/** `SHARING device.location:third_party = CONSENT` */
export function head(topic: ClauseTopic, subject: string, value: string): string {
  return `${topic} ${subject} = ${value}`;
}

/** ` (clause device:third_party)` when the value is inherited from another subject. */
export function via(clauseSubject: string, subject: string): string {
  return clauseSubject === subject ? '' : ` (clause ${clauseSubject})`;
}

/** `PROHIBITED` or `PROHIBITED, clause *:third_party` (for parentheses). */
export function valueAt(value: string, clauseSubject: string, subject: string): string {
  return clauseSubject === subject ? value : `${value}, clause ${clauseSubject}`;
}

/** `resolved SERVICE_PREVAILS by dpo@example.com on 2026-11-29: "contract requires it"` */
export function resolutionPhrase(conflict: ConflictState): string {
  const by = conflict.resolvedByEmail ? ` by ${conflict.resolvedByEmail}` : '';
  const on = conflict.resolvedAt ? ` on ${utcDay(conflict.resolvedAt)}` : '';
  const carried = conflict.carriedFromId ? ` (carried forward from conflict ${conflict.carriedFromId})` : '';
  const why = conflict.rationale ? `: "${conflict.rationale.replace(/\s+/g, ' ').trim()}"` : '';
  return `resolved ${conflict.resolution}${by}${on}${carried}${why}`;
}
