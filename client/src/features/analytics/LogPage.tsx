import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/useI18n';
import { FilterDropdown, type FilterOption } from './FilterDropdown';
import { PagedList } from './ListStates';
import type { CursorList } from './useCursorList';

/** One filter of a log page, shown as a FilterDropdown labelled `label`, with `allLabel` for "no filter". */
export interface LogFilter<T extends string = string> {
  /** The Dropdown's id. */
  id: string;
  /** The name of its (hidden) value, as a form sends it. */
  name: string;
  label: string;
  allLabel: string;
  value: T | undefined;
  options: readonly FilterOption<T>[];
  // A method, so that a filter of a narrower T (e.g. ChangeAuthor) stands in a list of filters.
  onChange(value: T | undefined): void;
}

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
  filters: readonly LogFilter[];
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
