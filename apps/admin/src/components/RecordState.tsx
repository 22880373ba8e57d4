import type { ReactNode } from 'react';
import { QueryState } from './QueryState';

/** What a page's `useQuery` returns, as far as its states are concerned. */
export interface QueryResultLike<D> {
  loading: boolean;
  error?: unknown;
  data: D | undefined;
  refetch: () => unknown;
}

/**
 * The states of a page about one object (a service, a policy, a processor…):
 * those of its query, then `notFound` when the query finds no such object.
 */
export function RecordState<D, R>({
  result,
  loadingLabel,
  pick,
  notFound,
  children,
}: {
  result: QueryResultLike<D>;
  loadingLabel: string;
  pick: (data: D) => R | null | undefined;
  notFound: ReactNode;
  children: (record: R, data: D) => ReactNode;
}) {
  return (
    <QueryState loading={result.loading} error={result.error} data={result.data} onRetry={() => void result.refetch()} loadingLabel={loadingLabel}>
      {(d) => {
        const record = pick(d);
        return record ? children(record, d) : notFound;
      }}
    </QueryState>
  );
}
