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
