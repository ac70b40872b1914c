import type { ReactNode } from 'react';

/** A wide table's box: it scrolls sideways on a narrow screen, and keyboard users can focus it to scroll. */
export function TableRegion({
  label,
  className = 'yp-table-wrap',
  children,
}: {
  /** The region's name for screen readers (usually the table's caption). */
  label: string;
  /** Default 'yp-table-wrap'. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** A table with a heading for each column; `caption` names it for screen readers only; `children` are its rows. */
export function Table({
  caption,
  columns,
  className = 'yp-table yp-table--compact',
  testId,
  children,
}: {
  caption?: string;
  columns: readonly ReactNode[];
  /** Default 'yp-table yp-table--compact'. */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className={className} data-testid={testId}>
      {caption !== undefined && <caption className="yp-visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
