import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { PagedList } from './ListStates';
import type { CursorList } from './useCursorList';

/**
 * A log page (the audit trail, the disclosures): its heading, the lead, the filters as a search landmark, then
 * `note` and the log as a paged list (PagedList) of what the filters let through.
 */
export function LogPage<Node>({
  title,
  intro,
  filtersLabel,
  filters,
  note,
  list,
  empty,
  children,
}: {
  title: string;
  intro: string;
  /** The name of the filters' search landmark. */
  filtersLabel: string;
  filters: ReactNode;
  /** Said between the filters and the log. */
  note?: ReactNode;
  list: CursorList<Node>;
  /** Shown when the first page has come and is empty. */
  empty: string;
  children: (nodes: Node[]) => ReactNode;
}) {
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="yp-lead">{intro}</p>
      <div className="yp-filters" role="search" aria-label={filtersLabel}>
        {filters}
      </div>
      {note}
      <PagedList list={list} empty={empty}>
        {children}
      </PagedList>
    </>
  );
}
