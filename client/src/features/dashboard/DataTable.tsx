import type { ReactNode } from 'react';

/** A column heading: its text, and whether the column holds numbers (right-aligned with tabular digits, `yp-num`). */
export interface Column {
  label: string;
  numeric?: boolean;
}

/** A numeric column's heading. */
export const numeric = (label: string): Column => ({ label, numeric: true });

/**
 * A table's `<thead>`: one row of column headings (`scope="col"`), a plain string for a text column, `numeric(label)`
 * for a column of numbers.
 */
export function ColumnHeads({ columns }: { columns: readonly (string | Column)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => {
          const { label, numeric: isNumber } = typeof column === 'string' ? { label: column, numeric: false } : column;
          return (
            // The columns are fixed in place: the position is the key.
            <th scope="col" className={isNumber ? 'yp-num' : undefined} key={i}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A captioned table with its column headings, in a wrap that scrolls sideways on a narrow screen. As a `region` the
 * wrap is named by the caption and reachable by the keyboard, so a wide table can be scrolled without a mouse.
 */
export function DataTable({
  caption,
  captionNote,
  captionClassName,
  columns,
  className = 'yp-table',
  testId,
  region = false,
  children,
}: {
  /** The caption, and the region's name. */
  caption: string;
  /** Added to the caption only, e.g. the unit. */
  captionNote?: string;
  /** E.g. `yp-visually-hidden` where a heading already says what the table is. */
  captionClassName?: string;
  columns: readonly (string | Column)[];
  /** The table's classes; default `yp-table`. */
  className?: string;
  testId?: string;
  /** Default false. */
  region?: boolean;
  /** The body (and footer) of the table. */
  children: ReactNode;
}) {
  return (
    <div className="yp-table-wrap" {...(region ? { role: 'region', tabIndex: 0, 'aria-label': caption } : {})}>
      <table className={className} data-testid={testId}>
        <caption className={captionClassName}>
          {caption}
          {captionNote}
        </caption>
        <ColumnHeads columns={columns} />
        {children}
      </table>
    </div>
  );
}
