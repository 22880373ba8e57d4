import { ClauseIndex } from '../clauses/clause-index';
import { meetOfSubjects, parseSubjectOrThrow } from '../clauses/subject';
import { type ClauseTopic, compareTopicSubject } from '../clauses/topics';
import type { ClauseLike } from '../clauses/types';
import type { EffectiveOrigin } from './types';

export interface EvaluatedSubject {
  topic: ClauseTopic;
  subject: string;
  origin: EffectiveOrigin;
}

/**
 * The (topic, subject) pairs a fold step decides: every subject named by the
 * general side or by the layer, plus the intersection of each overlapping
 * pair (one from each side) when neither covers the other. Sorted.
 */
export function evaluatedSubjects(
  general: ClauseIndex<ClauseLike & { origin: EffectiveOrigin }>,
  generalClauses: readonly (ClauseLike & { origin: EffectiveOrigin })[],
  layer: ClauseIndex,
  layerClauses: readonly ClauseLike[],
): EvaluatedSubject[] {
  const out = new Map<string, EvaluatedSubject>();
  const add = (topic: ClauseTopic, subject: string, origin: EffectiveOrigin) => {
    const key = `${topic} ${subject}`;
    if (!out.has(key)) out.set(key, { topic, subject, origin });
  };
  for (const c of layerClauses) add(c.topic, c.subject, 'NAMED');
  for (const c of generalClauses) add(c.topic, c.subject, c.origin);

  const topics = new Set(layerClauses.map((c) => c.topic));
  for (const topic of topics) {
    const mine = layer.clausesOf(topic);
    const theirs = general.clausesOf(topic);
    if (!theirs.length) continue;
    const mineParts = mine.map((c) => parseSubjectOrThrow(topic, c.subject).parts);
    for (const g of theirs) {
      const gParts = parseSubjectOrThrow(topic, g.subject).parts;
      for (const sParts of mineParts) {
        const meet = meetOfSubjects(topic, gParts, sParts);
        if (meet !== null) add(topic, meet, 'INTERSECTION');
      }
    }
  }
  return [...out.values()].sort(compareTopicSubject);
}
