import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';
import type { MessageKey } from '../../i18n/messageKeys';
import { useI18n } from '../../i18n/useI18n';
import { FilterDropdown, type FilterOption } from './FilterDropdown';
import { PagedList } from './ListStates';
import type { CursorList } from './useCursorList';

/** A message key whose "all" label is the same key with `All` after it (`audit.filterType`, `audit.filterTypeAll`). */
type FilterLabelKey = { [K in MessageKey]: `${K}All` extends MessageKey ? K : never }[MessageKey];

/** One filter of a log page, shown as a FilterDropdown labelled by `label` with `${label}All` for "no filter". */
export interface LogFilter<T extends string = string> {
  /** The Dropdown's id, also the name of its (hidden) value. */
  id: string;
  label: FilterLabelKey;
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
        {filters.map(({ label, ...filter }) => (
          <FilterDropdown key={filter.id} name={filter.id} {...filter} label={t(label)} allLabel={t(`${label}All`)} />
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
