import { ClauseIndex } from '../clauses/clause-index';
import { compareValues } from '../clauses/scales';
import { parseSubjectOrThrow, subjectSpecificity, topicHasCategory } from '../clauses/subject';
import type { ClauseTopic } from '../clauses/topics';
import { strictlyCoversKey } from '../keys/taxonomy-key';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { head, policyRef, via } from './explain';
import type { EffectiveClause, PolicyLayer } from './types';

export interface ProtectionInput {
  /** The step's decided clauses. */
  clauses: readonly EffectiveClause[];
  /** Those of `clauses` whose value comes from the step's layer. */
  fromLayer: ReadonlySet<EffectiveClause>;
  /** The general side of the step. */
  general: ClauseIndex<EffectiveClause>;
  layer: PolicyLayer;
  taxonomy: Taxonomy;
}

/**
 * "Sensitive categories are never weakened implicitly" (DESIGN.md section 2),
 * surfaced as extra effective clauses (origin SENSITIVE) so that nearest-match
 * over the effective clauses gives the right value for every concrete subject.
 *
 * For each sensitive category k under a clause the layer decides, and each
 * second component u named on this topic (uses or recipients), the value for
 * (k, u) is what nearest-match over the step's clauses gives, except that a
 * value coming from the layer's clause on an ancestor of k that is weaker
 * than what the general side applies to (k, u) is replaced by the general
 * value. A clause is added only where that value differs from what the
 * clauses (with the additions so far, shallowest first) would give, which
 * keeps the additions minimal: e.g. a protecting `USE user.biometric:*` may
 * need a restating `USE user.biometric:service.provide` next to it.
 */
export function protectSensitiveCategories(input: ProtectionInput): EffectiveClause[] {
  const { clauses, fromLayer, general, layer, taxonomy } = input;
  const sensitive = taxonomy.flaggedSensitiveCategories();
  if (!sensitive.length) return [];
  const decided = new ClauseIndex(clauses);
  const withExtras = new ClauseIndex(clauses);
  const extras: EffectiveClause[] = [];
  const layerName = policyRef({ source: layer.source, policyKey: layer.policyKey, version: layer.version });

  const topics = [...new Set(clauses.map((c) => c.topic))].filter(topicHasCategory);
  for (const topic of topics) {
    const ofTopic = clauses.filter((c) => c.topic === topic);
    const layerCategories = ofTopic.filter((c) => fromLayer.has(c)).map((c) => categoryOf(topic, c.subject));
    if (!layerCategories.length) continue;
    const seconds = secondComponents(topic, ofTopic);
    for (const k of sensitive) {
      if (!layerCategories.some((cat) => strictlyCoversKey(cat, k))) continue;
      for (const u of seconds) {
        const subject = u === null ? k : `${k}:${u}`;
        if (withExtras.get(topic, subject)) continue;
        const r = decided.applicable(topic, subject);
        if (!r) continue;
        const g = general.applicable(topic, subject);
        const implicit = fromLayer.has(r) && strictlyCoversKey(categoryOf(topic, r.subject), k);
        let truth: EffectiveClause;
        if (implicit && g && compareValues(topic, r.value, g.value) === 'WEAKER') {
          const why =
            `${head(topic, subject, g.value)} from ${policyRef(refOf(g))}${via(g.clauseSubject, subject)}; ` +
            `${k} is sensitive, so ${layerName} (${r.value}, clause ${r.clauseSubject}) does not weaken it implicitly`;
          truth = { ...g, subject, origin: 'SENSITIVE', explanation: why };
        } else {
          const why = `${head(topic, subject, r.value)} from ${policyRef(refOf(r))}${via(r.clauseSubject, subject)}; stated for sensitive category ${k}`;
          truth = { ...r, subject, origin: 'SENSITIVE', explanation: why };
        }
        const current = withExtras.applicable(topic, subject);
        if (!current || current.value !== truth.value) {
          withExtras.add(truth);
          extras.push(truth);
        }
      }
    }
  }
  return extras;
}

function categoryOf(topic: ClauseTopic, subject: string): string {
  return parseSubjectOrThrow(topic, subject).category as string;
}

/** Second components named on the topic, shallowest first; `[null]` for category-only topics. */
function secondComponents(topic: ClauseTopic, clauses: readonly EffectiveClause[]): (string | null)[] {
  const first = parseSubjectOrThrow(topic, clauses[0].subject);
  if (first.parts.length === 1) return [null];
  const set = new Set(clauses.map((c) => parseSubjectOrThrow(topic, c.subject).parts[1]));
  return [...set].sort((a, b) => {
    const da = subjectSpecificity(topic, ['*', a])[1];
    const db = subjectSpecificity(topic, ['*', b])[1];
    return da - db || (a < b ? -1 : a > b ? 1 : 0);
  });
}

function refOf(c: EffectiveClause) {
  return { source: c.source, policyKey: c.policyKey, version: c.policyVersion };
}
