import { parseSubjectOrThrow } from '../clauses/subject';
import { WILDCARD } from '../keys/taxonomy-key';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { foldLayers } from './fold';
import type { ConflictCandidate, GovernedCategory, PolicyLayer } from './types';

/**
 * The conflicts a (global, service) pair of versions has: every evaluated
 * (topic, subject) where the service clause that applies is weaker than the
 * global one, the global one is not locked, and it is not a sensitive category
 * reached through an ancestor (those never open conflicts). Sorted by topic,
 * then subject. No global layer: no conflicts.
 */
export function detectConflicts(globalLayer: PolicyLayer | null, serviceLayer: PolicyLayer, taxonomy: Taxonomy): ConflictCandidate[] {
  if (!globalLayer) return [];
  const { outcomes } = foldLayers({ layers: [globalLayer, serviceLayer], taxonomy });
  return outcomes
    .filter((o) => o.kind === 'CONFLICT')
    .map((o) => ({
      topic: o.topic,
      subject: o.subject,
      globalValue: o.general!.value,
      serviceValue: o.specific!.value,
      governedCategories: governedCategories(parseSubjectOrThrow(o.topic, o.subject).category, taxonomy),
      globalSubject: o.general!.clauseSubject,
      serviceSubject: o.specific!.subject,
    }));
}

/**
 * The categories a subject's category governs: itself and everything below
 * (`*`: every category), sensitive ones marked. A resolution in favour of the
 * service still does not reach the sensitive ones implicitly.
 */
export function governedCategories(category: string | null, taxonomy: Taxonomy): GovernedCategory[] {
  if (category === null) return [];
  const keys = category === WILDCARD ? taxonomy.concreteCategories() : [category, ...taxonomy.descendantsOf(category)];
  return keys.map((key) => ({ key, sensitive: taxonomy.isSensitive(key) }));
}
