import type { TypedDocumentNode } from 'urql';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { toApiError, type ApiError } from '../../graphql/errors';

/** The parts of a cursor connection a list reads. */
export interface ConnectionLike<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { cursor: string; node: Node }[];
}

/** What useCursorList gives a page. */
export interface CursorList<Node> {
  /** Every node loaded so far, in the server's order; undefined until the first page arrives. */
  nodes: Node[] | undefined;
  totalCount: number;
  hasNextPage: boolean;
  /** True while a page is on its way. */
  loading: boolean;
  error: ApiError | undefined;
  /** Fetches the next page after the last cursor and appends it. */
  loadMore: () => void;
  /** Starts again from the first page. */
  reload: () => void;
}

/**
 * A "load more" list over a cursor connection. Pages are fetched from the
 * network and appended here rather than merged in graphcache: these are logs
 * read once, and a filter change must start a fresh list, never splice two.
 * `variables` are compared by value (undefined as null); a change of them starts over.
 */
export function useCursorList<Data, Variables extends { first?: number | null; after?: string | null }, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'first' | 'after'>,
  select: (data: Data) => ConnectionLike<Node>,
  pageSize = 50,
): CursorList<Node> {
  const client = useClient();
  // A filter left undefined goes as null (no filter), so a page can hand its filters over as they are.
  const key = JSON.stringify(variables, (_name, value: unknown) => (value === undefined ? null : value));
  const [state, setState] = useState<{ nodes?: Node[]; totalCount: number; hasNextPage: boolean; endCursor?: string | null }>({
    totalCount: 0,
    hasNextPage: false,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  // Each fetch belongs to one generation; an answer for an older filter is dropped.
  const generation = useRef(0);
  const selectRef = useRef(select);
  selectRef.current = select;

  const fetchPage = useCallback(
    async (after: string | null | undefined, append: boolean) => {
      const mine = generation.current;
      setLoading(true);
      setError(undefined);
      const vars = { ...(JSON.parse(key) as object), first: pageSize, after: after ?? null } as unknown as Variables;
      const result = await client.query(query, vars, { requestPolicy: 'network-only' }).toPromise();
      if (mine !== generation.current) return;
      setLoading(false);
      if (!result.data) {
        setError(toApiError(result.error) ?? { code: 'UNKNOWN', message: 'No data', fields: {} });
        return;
      }
      const page = selectRef.current(result.data);
      const nodes = page.edges.map((edge) => edge.node);
      setState((prev) => ({
        nodes: append ? [...(prev.nodes ?? []), ...nodes] : nodes,
        totalCount: page.totalCount,
        hasNextPage: page.pageInfo.hasNextPage,
        endCursor: page.pageInfo.endCursor,
      }));
    },
    [client, query, key, pageSize],
  );

  const reload = useCallback(() => {
    generation.current++;
    setState({ totalCount: 0, hasNextPage: false });
    void fetchPage(null, false);
  }, [fetchPage]);

  useEffect(() => {
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (loading || !state.hasNextPage) return;
    void fetchPage(state.endCursor, true);
  }, [fetchPage, loading, state.hasNextPage, state.endCursor]);

  return { nodes: state.nodes, totalCount: state.totalCount, hasNextPage: state.hasNextPage, loading, error, loadMore, reload };
}
