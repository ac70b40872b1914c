import type { ReactNode } from 'react';

/** A column header: its text, or a cell of its own (a key, a class) for columns made from data. */
export type Column =
  | string
  | {
      key: string;
      label: ReactNode;
      className?: string;
      /** For a column the rows are sorted by (or could be): how, as aria-sort says it. */
      sort?: 'ascending' | 'descending' | 'none';
    };

/**
 * A table in a focusable region named by its caption, so that keyboard users can scroll it when it is wider
 * than the screen. `children` are the body's rows.
 */
export function DataTable({
  caption,
  captionHidden = false,
  columns,
  scrollClassName,
  className = 'yp-table',
  testId,
  children,
  after,
}: {
  caption: string;
  /** Keep the caption for screen readers only (default false). */
  captionHidden?: boolean;
  /** Headers in order; `false` leaves a column out. */
  columns: readonly (Column | false)[];
  /** Classes besides `yp-table-wrap` on the region. */
  scrollClassName?: string;
  /** The table's classes (default `yp-table`). */
  className?: string;
  testId?: string;
  children: ReactNode;
  /** What belongs to the table below it, inside the region (a status line, a dialog about a row). */
  after?: ReactNode;
}) {
  return (
    <div
      className={scrollClassName ? `yp-table-wrap ${scrollClassName}` : 'yp-table-wrap'}
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className={className} data-testid={testId}>
        <caption className={captionHidden ? 'yp-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              column === false ? null : typeof column === 'string' ? (
                <th key={i} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.key} scope="col" className={column.className} aria-sort={column.sort}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}
