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
