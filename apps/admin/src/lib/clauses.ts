import type { ClauseTopic } from './scales';

/**
 * Which clause applies to a subject inside one policy version (DESIGN.md
 * section 1): the nearest one, comparing category depth first, then use or
 * recipient depth, `*` counting as depth 0.
 */
export interface ClauseLike {
  topic: ClauseTopic | string;
  subject: string;
}

const PAIRED: readonly string[] = ['USE', 'SHARING'];
const BY_CATEGORY: readonly string[] = ['COLLECTION', 'RETENTION', 'ENCRYPTION'];

function depth(key: string): number {
  return key === '*' ? 0 : key.split('.').length;
}

function covers(ruleKey: string, key: string): boolean {
  return ruleKey === '*' || ruleKey === key || key.startsWith(`${ruleKey}.`);
}

function split(topic: string, subject: string): [string, string] {
  if (!PAIRED.includes(topic)) return [subject, ''];
  const i = subject.indexOf(':');
  return i < 0 ? [subject, '*'] : [subject.slice(0, i), subject.slice(i + 1)];
}

export function findApplicableClause<T extends ClauseLike>(clauses: readonly T[], topic: string, subject: string): T | undefined {
  const candidates = clauses.filter((c) => c.topic === topic);
  if (!PAIRED.includes(topic) && !BY_CATEGORY.includes(topic)) return candidates.find((c) => c.subject === subject);
  const [category, second] = split(topic, subject);
  let best: T | undefined;
  let bestScore: [number, number] = [-1, -1];
  for (const clause of candidates) {
    const [c, s] = split(topic, clause.subject);
    if (!covers(c, category)) continue;
    if (PAIRED.includes(topic) && !covers(s, second)) continue;
    const score: [number, number] = [depth(c), PAIRED.includes(topic) ? depth(s) : 0];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = clause;
      bestScore = score;
    }
  }
  return best;
}
