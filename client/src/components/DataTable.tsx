import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A column heading: its text, or a cell of its own (a class, how the rows are sorted) for columns made from data. */
export type Column =
  | string
  | {
      /** Default: the column's position. */
      key?: string;
      label: ReactNode;
      className?: string;
      /** For a column the rows are sorted by (or could be): how, as aria-sort says it. */
      sort?: 'ascending' | 'descending' | 'none';
    };

/** A numeric column's heading: right-aligned with tabular digits (`yp-num`). */
export const numeric = (label: string): Column => ({ label, className: 'yp-num' });

/**
 * A table's `<thead>`: one row of column headings (`scope="col"`); `false` leaves a column out. `roles` names
 * them explicitly, for a table whose CSS changes the cells' display (`stack`).
 */
function ColumnHeads({ columns, roles, hidden }: { columns: readonly (Column | false)[]; roles: boolean; hidden: boolean }) {
  const role = (name: string) => (roles ? name : undefined);
  return (
    <thead role={role('rowgroup')} className={hidden ? 'yp-visually-hidden' : undefined}>
      <tr role={role('row')}>
        {columns.map((column, i) =>
          column === false ? null : typeof column === 'string' ? (
            // The columns are fixed in place: the position is the key.
            <th key={i} scope="col" role={role('columnheader')}>
              {column}
            </th>
          ) : (
            <th
              key={column.key ?? i}
              scope="col"
              role={role('columnheader')}
              className={column.className}
              aria-sort={column.sort}
            >
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/**
 * A table with a heading for each column, in a wrap that scrolls sideways on a narrow screen. As a `region` (the
 * default) the wrap is named by the caption and reachable by the keyboard, so a wide table can be scrolled without a
 * mouse. `children` are the body's rows.
 */
export function DataTable({
  caption,
  captionNote,
  captionHidden = false,
  columns,
  wrap = 'region',
  regionLabel = caption,
  scrollClassName,
  className = 'yp-table',
  compact = false,
  stack = false,
  headHidden = false,
  testId,
  children,
  foot,
  after,
}: {
  /** The caption, and the region's name. */
  caption?: string;
  /** Added to the caption only, e.g. the unit. */
  captionNote?: string;
  /** Keep the caption for screen readers only (default false), e.g. where a heading already says what the table is. */
  captionHidden?: boolean;
  /** Headings in order; `false` leaves a column out. */
  columns: readonly (Column | false)[];
  /**
   * The wrap: 'region' (default) a focusable region named `regionLabel`; 'scroll' a plain scrolling box; 'none' no
   * wrap at all (the table sits in a box of its own).
   */
  wrap?: 'region' | 'scroll' | 'none';
  /** The region's name; default the caption. */
  regionLabel?: string;
  /** Classes besides `yp-table-wrap` on the wrap. */
  scrollClassName?: string;
  /** The table's classes; default `yp-table`. */
  className?: string;
  /** The compact look (`yp-table--compact`, after `className`), for a table in a card or a panel; default false. */
  compact?: boolean;
  /**
   * On a phone, each row a block: its heading cell, then each cell under its column's name (`yp-table--stack`,
   * tables.css). The caller gives the cells `data-label` (the column's name) and the rows and cells their roles
   * (`row`, `rowheader`, `cell`), which keep the table's semantics when CSS changes their display.
   */
  stack?: boolean;
  /** The column names for screen readers only, where each cell shows its own (`data-label`); default false. Like `stack`, the caller gives rows and cells their roles. */
  headHidden?: boolean;
  testId?: string;
  children: ReactNode;
  /** The table's footer rows (`<tfoot>`). */
  foot?: ReactNode;
  /** What belongs to the table below it, inside the wrap (a status line, a dialog about a row). */
  after?: ReactNode;
}) {
  const classes = [className, compact && 'yp-table--compact', stack && 'yp-table--stack'].filter(Boolean).join(' ');
  const table = (
    <table className={classes} data-testid={testId} role={stack || headHidden ? 'table' : undefined}>
      {caption !== undefined && (
        <caption className={captionHidden ? 'yp-visually-hidden' : undefined}>
          {caption}
          {captionNote}
        </caption>
      )}
      <ColumnHeads columns={columns} roles={stack || headHidden} hidden={headHidden} />
      <tbody role={stack || headHidden ? 'rowgroup' : undefined}>{children}</tbody>
      {foot !== undefined && foot !== null && foot !== false && <tfoot>{foot}</tfoot>}
    </table>
  );
  if (wrap === 'none') return table;
  return (
    <div
      className={scrollClassName ? `yp-table-wrap ${scrollClassName}` : 'yp-table-wrap'}
      {...(wrap === 'region' ? { tabIndex: 0, role: 'region', 'aria-label': regionLabel } : {})}
    >
      {table}
      {after}
    </div>
  );
}

/** A body row's heading cell (`scope="row"`) that links to what the row is about. */
export function RowHeadLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <th scope="row">
      <Link className="yp-link" to={to}>
        {children}
      </Link>
    </th>
  );
}

/** A row's figures, one numeric cell (`yp-num`) each, in the order of the numeric columns. */
export function NumCells({ values }: { values: readonly ReactNode[] }) {
  return (
    <>
      {values.map((value, i) => (
        // The columns are fixed in place: the position is the key.
        <td key={i} className="yp-num">
          {value}
        </td>
      ))}
    </>
  );
}
