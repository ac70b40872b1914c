import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/useI18n';
import { type Filter, FilterDropdown } from './FilterDropdown';
import { PagedList } from './ListStates';
import type { CursorList } from './useCursorList';

/**
 * A log page (the audit trail, the disclosures): its heading, the lead, the filters as a search landmark, then
 * `note` and the log as a paged list (PagedList) of what the filters let through. Its words are the messages
 * `${messages}.title`, `.intro`, `.filtersTitle` (the landmark's name) and `.none` (the first page came empty).
 */
export function LogPage<Node>({
  messages,
  filters,
  actions,
  note,
  list,
  children,
}: {
  messages: 'audit' | 'disclosures';
  filters: readonly Filter[];
  /** After the filters, in the landmark (e.g. a button that clears them). */
  actions?: ReactNode;
  /** Said between the filters and the log. */
  note?: ReactNode;
  list: CursorList<Node>;
  children: (nodes: Node[]) => ReactNode;
}) {
  const { t } = useI18n();
  const title = t(`${messages}.title`);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="yp-lead">{t(`${messages}.intro`)}</p>
      <div className="yp-filters" role="search" aria-label={t(`${messages}.filtersTitle`)}>
        {filters.map((filter) => (
          <FilterDropdown key={filter.id} {...filter} />
        ))}
        {actions}
      </div>
      {note}
      <PagedList list={list} empty={t(`${messages}.none`)}>
        {children}
      </PagedList>
    </>
  );
}
