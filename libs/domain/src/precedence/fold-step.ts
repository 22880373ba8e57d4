import { ClauseIndex } from '../clauses/clause-index';
import { type Comparison, compareValues } from '../clauses/scales';
import { parseSubjectOrThrow } from '../clauses/subject';
import type { PolicyClause } from '../clauses/types';
import { strictlyCoversKey } from '../keys/taxonomy-key';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { ConflictLookup, isDecided } from './conflict-lookup';
import { type EvaluatedSubject, evaluatedSubjects } from './evaluated-subjects';
import { head, policyRef, resolutionPhrase, valueAt, via } from './explain';
import { protectSensitiveCategories } from './sensitive-protection';
import type { ConflictState, EffectiveClause, EffectiveOrigin, PolicyLayer } from './types';

/**
 * How one (topic, subject) was decided by a fold step:
 * - GENERAL_ONLY / SPECIFIC_ONLY: one side has a clause;
 * - SPECIFIC_APPLIES: the layer's clause is stricter or equal;
 * - SENSITIVE: the layer's clause is on an ancestor above a sensitive category
 *   and weaker: the general value applies, no conflict;
 * - LOCKED: weaker than a locked general clause: the general value applies, no conflict;
 * - CONFLICT: weaker; the conflict (if any) decides.
 */
export type OutcomeKind = 'GENERAL_ONLY' | 'SPECIFIC_ONLY' | 'SPECIFIC_APPLIES' | 'SENSITIVE' | 'LOCKED' | 'CONFLICT';

export interface SubjectOutcome extends EvaluatedSubject {
  kind: OutcomeKind;
  /** Which side's value applies. */
  applied: 'GENERAL' | 'SPECIFIC';
  general: EffectiveClause | null;
  specific: PolicyClause | null;
  comparison: Comparison | null;
  conflict: ConflictState | null;
  result: EffectiveClause;
}

export interface FoldStepResult {
  clauses: EffectiveClause[];
  outcomes: SubjectOutcome[];
}

export interface FoldStepContext {
  taxonomy: Taxonomy;
  conflicts: ConflictLookup;
  /** Labels of the layers folded so far, for "has no clause on it". */
  generalLabel: string;
}

/**
 * One step of the precedence fold (DESIGN.md section 2): the effective
 * clauses of the more general layers so far, overlaid with the next, more
 * specific, layer. With an empty `general` the result is the layer itself.
 * Values must be on their scales (validated input); otherwise it throws.
 */
export function foldStep(general: readonly EffectiveClause[], layer: PolicyLayer, ctx: FoldStepContext): FoldStepResult {
  const generalIndex = new ClauseIndex(general);
  const layerIndex = new ClauseIndex(layer.clauses);
  const subjects = evaluatedSubjects(generalIndex, general, layerIndex, layer.clauses);
  const outcomes = subjects.map((subject) => decide(subject, generalIndex, layerIndex, layer, ctx));
  const clauses = outcomes.map((o) => o.result);
  const fromLayer = new Set(outcomes.filter((o) => o.applied === 'SPECIFIC').map((o) => o.result));
  const extras = protectSensitiveCategories({ clauses, fromLayer, general: generalIndex, layer, taxonomy: ctx.taxonomy });
  return { clauses: [...clauses, ...extras], outcomes };
}

function decide(
  evaluated: EvaluatedSubject,
  generalIndex: ClauseIndex<EffectiveClause>,
  layerIndex: ClauseIndex<PolicyClause>,
  layer: PolicyLayer,
  ctx: FoldStepContext,
): SubjectOutcome {
  const { topic, subject, origin } = evaluated;
  const g = generalIndex.applicable(topic, subject);
  const s = layerIndex.applicable(topic, subject);
  const layerName = policyRef({ source: layer.source, policyKey: layer.policyKey, version: layer.version });
  const outcome = (kind: OutcomeKind, applied: 'GENERAL' | 'SPECIFIC', result: EffectiveClause, comparison: Comparison | null = null, conflict: ConflictState | null = null): SubjectOutcome => ({
    topic,
    subject,
    origin,
    kind,
    applied,
    general: g,
    specific: s,
    comparison,
    conflict,
    result,
  });

  if (!s) {
    if (!g) throw new Error(`no clause applies to ${topic} ${subject}`);
    const base = g.subject === subject ? g.explanation : `${head(topic, subject, g.value)} from ${policyRef(refOf(g))}${via(g.clauseSubject, subject)}`;
    return outcome('GENERAL_ONLY', 'GENERAL', restate(g, subject, origin, `${base}; ${layerName} has no clause on it`));
  }
  const specificResult = (explanation: string, conflictId: string | null = null): EffectiveClause => ({
    topic,
    subject,
    value: s.value,
    source: layer.source,
    policyKey: layer.policyKey,
    policyVersion: layer.version,
    pendingReview: false,
    conflictId,
    explanation,
    clauseSubject: s.subject,
    // A lock binds every more specific layer: a stricter override of a locked
    // clause stays locked, so no later layer can go below the locked value.
    locked: s.locked === true || g?.locked === true,
    text: s.text ?? null,
    origin,
  });
  const sHead = `${head(topic, subject, s.value)} from ${layerName}${via(s.subject, subject)}`;
  if (!g) {
    const note = ctx.generalLabel ? `; ${ctx.generalLabel} has no clause on it` : '';
    return outcome('SPECIFIC_ONLY', 'SPECIFIC', specificResult(sHead + note));
  }

  const comparison = compareValues(topic, s.value, g.value);
  const gName = policyRef(refOf(g));
  const gHead = `${head(topic, subject, g.value)} from ${gName}${via(g.clauseSubject, subject)}`;
  const sValue = `${layerName} (${valueAt(s.value, s.subject, subject)})`;
  if (comparison !== 'WEAKER') {
    const relation = comparison === 'STRICTER' ? 'stricter than' : 'the same as';
    return outcome('SPECIFIC_APPLIES', 'SPECIFIC', specificResult(`${sHead}; it is ${relation} ${gName} (${valueAt(g.value, g.clauseSubject, subject)})`), comparison);
  }

  const category = parseSubjectOrThrow(topic, subject).category;
  const sCategory = parseSubjectOrThrow(topic, s.subject).category;
  if (category !== null && sCategory !== null && strictlyCoversKey(sCategory, category) && ctx.taxonomy.hasSensitiveBetween(sCategory, category)) {
    const why = `${gHead}; ${category} is sensitive, so ${layerName} (${s.value}, clause ${s.subject}) does not weaken it implicitly`;
    return outcome('SENSITIVE', 'GENERAL', restate(g, subject, origin, why), comparison);
  }
  if (g.locked) {
    return outcome('LOCKED', 'GENERAL', restate(g, subject, origin, `${gHead}; it is locked, so ${sValue} cannot weaken it`), comparison);
  }

  const conflict = ctx.conflicts.find(topic, subject, g.value, s.value);
  if (conflict && isDecided(conflict)) {
    const phrase = resolutionPhrase(conflict);
    if (conflict.resolution === 'SERVICE_PREVAILS') {
      const why = `${sHead}; it is weaker than ${gName} (${valueAt(g.value, g.clauseSubject, subject)}); ${phrase}`;
      return outcome('CONFLICT', 'SPECIFIC', specificResult(why, conflict.id), comparison, conflict);
    }
    const result = restate(g, subject, origin, `${gHead}; ${sValue} is weaker; ${phrase}`);
    return outcome('CONFLICT', 'GENERAL', { ...result, conflictId: conflict.id }, comparison, conflict);
  }
  const pending = conflict ? `pending review of conflict ${conflict.id}` : 'pending review of the conflict';
  const why = `${gHead}; ${sValue} is weaker; ${pending}, the ${g.source.toLowerCase()} value applies for now`;
  const result = restate(g, subject, origin, why);
  return outcome('CONFLICT', 'GENERAL', { ...result, pendingReview: true, conflictId: conflict?.id ?? null }, comparison, conflict);
}

function refOf(c: EffectiveClause) {
  return { source: c.source, policyKey: c.policyKey, version: c.policyVersion };
}

/** `g`'s value and provenance, stated for `subject`. */
export function restate(g: EffectiveClause, subject: string, origin: EffectiveOrigin, explanation: string): EffectiveClause {
  return { ...g, subject, origin, explanation };
}
