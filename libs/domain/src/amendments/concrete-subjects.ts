import { AMENDMENT_SETTINGS, CHANNELS, type ClauseTopic, MINORS_SETTINGS, RECIPIENTS, RIGHTS } from '../clauses/topics';
import type { Taxonomy } from '../taxonomy/taxonomy';

export interface ConcreteSubject {
  topic: ClauseTopic;
  subject: string;
}

const cache = new WeakMap<Taxonomy, readonly ConcreteSubject[]>();

/**
 * Every concrete subject of a taxonomy (DESIGN.md section 3): each category
 * (COLLECTION, RETENTION, ENCRYPTION), each category:use pair (USE), each
 * category:recipient pair (SHARING), each right, channel and setting. Every
 * taxonomy key counts, parents included (see `Taxonomy`). Memoised per
 * taxonomy instance.
 */
export function concreteSubjects(taxonomy: Taxonomy): readonly ConcreteSubject[] {
  let list = cache.get(taxonomy);
  if (list) return list;
  const categories = taxonomy.concreteCategories();
  const uses = taxonomy.concreteUses();
  const out: ConcreteSubject[] = [];
  const each = (topic: ClauseTopic, subjects: readonly string[]) => {
    for (const subject of subjects) out.push({ topic, subject });
  };
  each('COLLECTION', categories);
  each('USE', categories.flatMap((c) => uses.map((u) => `${c}:${u}`)));
  each('SHARING', categories.flatMap((c) => RECIPIENTS.map((r) => `${c}:${r}`)));
  each('RETENTION', categories);
  each('ENCRYPTION', categories);
  each('RIGHT', RIGHTS);
  each('COMMUNICATION', CHANNELS);
  each('MINORS', MINORS_SETTINGS);
  each('AMENDMENT', AMENDMENT_SETTINGS);
  list = Object.freeze(out);
  cache.set(taxonomy, list);
  return list;
}
