import { getFragmentData, graphql, type FragmentType } from '../../gql';

/** What a policy version says: its clauses and, when it reduced users' rights, its notice to them. */
export const PolicyVersion_content = graphql(`
  fragment PolicyVersion_content on PolicyVersion {
    notice {
      channels
      noticeAt
    }
    clauses {
      topic
      subject
      value
      locked
      text
    }
  }
`);

/** A version read with the content fragment, its clauses and notice beside its other fields. */
export function withContent<V extends FragmentType<typeof PolicyVersion_content>>(version: V) {
  return { ...version, ...getFragmentData(PolicyVersion_content, version) };
}

/** A clause's change against the previous published version, as the API lists it. */
export interface ClauseChange {
  topic: string;
  subject: string;
  kind: string;
}

/**
 * What gets weaker for users, named by the clauses that changed (`RETENTION *`)
 * rather than by every category a wildcard reaches; the weakened subjects
 * themselves only when no changed clause explains them (a summary past three).
 */
export function weakerForUsers(changes: readonly ClauseChange[], weakenedSubjects: readonly string[]): string[] {
  const topics = new Set(weakenedSubjects.map((s) => s.split(' ')[0]));
  const clauses = changes.filter((c) => (c.kind === 'WEAKER' || c.kind === 'REMOVED') && topics.has(c.topic)).map((c) => `${c.topic} ${c.subject}`);
  const explained = new Set(clauses.map((c) => c.split(' ')[0]));
  const rest = weakenedSubjects.filter((s) => !explained.has(s.split(' ')[0]));
  const shown = rest.length > 3 ? [...rest.slice(0, 3), `${rest.length - 3} more`] : rest;
  return [...clauses, ...shown];
}
