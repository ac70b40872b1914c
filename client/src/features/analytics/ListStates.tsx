import type { ReactNode } from 'react';
import { Paragraph } from 'suomifi-ui-components';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import type { ApiError } from '../../graphql/errors';
import { LoadMore } from './LoadMore';
import type { CursorList } from './useCursorList';

/**
 * A page's list in its states: until the items come, the error with a retry button or the spinner; then a sentence
 * when there are none, else the list itself.
 */
export function ListStates<Item>({
  items,
  error,
  onRetry,
  empty,
  children,
}: {
  items: Item[] | undefined;
  error: ApiError | undefined;
  onRetry: () => void;
  /** Shown when the list has come and is empty. */
  empty: string;
  children: (items: Item[]) => ReactNode;
}) {
  if (!items) return <PageLoadingOrError error={error} onRetry={onRetry} />;
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return <>{children(items)}</>;
}

/** A cursor list (useCursorList) in its states, with "showing 50 of 812" and the "load more" button under the items. */
export function PagedList<Node>({
  list,
  empty,
  children,
}: {
  list: CursorList<Node>;
  /** Shown when the first page has come and is empty. */
  empty: string;
  children: (nodes: Node[]) => ReactNode;
}) {
  return (
    <ListStates items={list.nodes} error={list.error} onRetry={list.reload} empty={empty}>
      {(nodes) => (
        <>
          {children(nodes)}
          <LoadMore
            shown={nodes.length}
            total={list.totalCount}
            hasNextPage={list.hasNextPage}
            loading={list.loading}
            error={list.error}
            onLoadMore={list.loadMore}
          />
        </>
      )}
    </ListStates>
  );
}
