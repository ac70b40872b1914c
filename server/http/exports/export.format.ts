import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Locale } from '../../lib/locale.js';
import { helsinkiIso, helsinkiOffsetMinutes, helsinkiWallClock, offsetText } from '../../lib/dates.js';

/** A column's header in the three interface languages. */
export type Words = Record<Locale, string>;

/** How a column's values are written: text, a number, a moment (Europe/Helsinki), or a calendar date. */
export type ColumnKind = 'text' | 'number' | 'datetime' | 'date';

/** One column of an export: a stable key (the header with `columns=keys`), its header and kind. */
export interface ExportColumn {
  key: string;
  header: Words;
  kind?: ColumnKind;
  /** Width in the workbook (characters); 18 when not given. */
  width?: number;
}

/** One cell: a moment is a Date, a calendar date a `YYYY-MM-DD` string. */
export type Cell = string | number | Date | null | undefined;

/**
 * Finnish Excel's CSV: `;` between fields, CRLF after records; a field quoted when it holds `;`, a quote or a line
 * break, or begins or ends with white space (Excel would trim it); moments on the clock in Finland with their
 * offset; text that a spreadsheet would run as a formula prefixed with an apostrophe (CSV injection).
 * csv-stringify itself quotes a line break only as the whole record delimiter (CRLF): a lone LF or CR, as a
 * summary's paragraphs hold, would end the record in every reader, so `quoted_match` names them (and the
 * Unicode line ends some readers split on too).
 */
const CSV: StringifyOptions = {
  delimiter: ';',
  record_delimiter: 'windows',
  quoted_match: /^\s|\s$|[\r\n\u0085\u2028\u2029]/,
  escape_formulas: true,
  cast: { date: helsinkiIso },
};

/** One CSV field for Finnish Excel: `;` separated, quoted when needed. */
export const csvField = (v: Cell): string => stringify([[v]], { ...CSV, eof: false });

/** CSV records, each ending in CRLF. */
const csvRecords = (records: Cell[][]): string => stringify(records, CSV);

/** A table being written to the response: the header first, then rows in batches, then `end`. */
export interface TableWriter {
  rows(rows: Record<string, Cell>[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Starts a CSV (UTF-8 with BOM, `;`) or XLSX (one sheet, header frozen, moments
 * as dates on the Helsinki clock showing their offset) on the response.
 * `keys` writes the columns' stable keys as the header instead of words.
 */
export function startTable(
  res: Response,
  format: 'csv' | 'xlsx',
  opts: { columns: readonly ExportColumn[]; locale: Locale; keys: boolean; sheet: string },
): TableWriter {
  const { columns } = opts;
  const header = columns.map((c) => (opts.keys ? c.key : c.header[opts.locale]));
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    // The BOM tells Excel the file is UTF-8 (ä, ö, å); `;` is the list separator of the Finnish locale.
    res.write(`\uFEFF${csvRecords([header])}`);
    return {
      async rows(rows) {
        if (rows.length) res.write(csvRecords(rows.map((row) => columns.map((c) => row[c.key]))));
      },
      async end() {
        res.end();
      },
    };
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(opts.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: header[i],
    key: c.key,
    width: c.width ?? (c.kind === 'datetime' ? 26 : 18),
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  return {
    async rows(rows) {
      for (const row of rows) {
        const values: Record<string, unknown> = {};
        const formats: Record<string, string> = {};
        for (const c of columns) {
          const v = row[c.key];
          if (v instanceof Date) {
            // Excel has no time zones: the cell holds the Helsinki clock and its format shows the offset.
            values[c.key] = helsinkiWallClock(v);
            formats[c.key] = `yyyy-mm-dd"T"hh:mm:ss"${offsetText(helsinkiOffsetMinutes(v))}"`;
          } else if (c.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
            values[c.key] = new Date(`${v}T00:00:00Z`);
          } else values[c.key] = v ?? null;
        }
        const added = sheet.addRow(values);
        for (const [key, numFmt] of Object.entries(formats)) added.getCell(key).numFmt = numFmt;
        added.commit();
      }
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** A query parameter's values: repeated, or a comma-separated list. */
export function listParam(value: unknown): string[] {
  const all = Array.isArray(value) ? value : value == null ? [] : [value];
  return all
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A query parameter's first value. */
export const oneParam = (v: unknown): string | undefined => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
};
