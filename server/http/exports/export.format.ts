import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Locale } from '../../lib/locale.js';

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

const ZONE = 'Europe/Helsinki';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Helsinki as a Date whose UTC fields read it, and the offset in minutes. */
function helsinkiWallClock(at: Date): { wall: Date; offsetMinutes: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
  return { wall, offsetMinutes: Math.round((wall.getTime() - Math.floor(at.getTime() / 1000) * 1000) / 60000) };
}

const offsetText = (minutes: number) => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/** A moment as ISO 8601 on the clock in Finland with its offset: `2026-12-03T09:15:00+02:00`. */
export function helsinkiIso(at: Date): string {
  const { wall, offsetMinutes } = helsinkiWallClock(at);
  return `${wall.toISOString().slice(0, 19)}${offsetText(offsetMinutes)}`;
}

/** Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** One CSV field for Finnish Excel: `;` separated, quoted when needed. */
export function csvField(v: Cell): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  const s = v instanceof Date ? helsinkiIso(v) : defuse(v);
  return /[";\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

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
export function startTable(res: Response, format: 'csv' | 'xlsx', opts: { columns: readonly ExportColumn[]; locale: Locale; keys: boolean; sheet: string }): TableWriter {
  const { columns } = opts;
  const header = columns.map((c) => (opts.keys ? c.key : c.header[opts.locale]));
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    // The BOM tells Excel the file is UTF-8 (ä, ö, å); `;` is the list separator of the Finnish locale.
    res.write(`\uFEFF${header.map((h) => csvField(h)).join(';')}\r\n`);
    return {
      async rows(rows) {
        if (rows.length) res.write(rows.map((row) => `${columns.map((c) => csvField(row[c.key])).join(';')}\r\n`).join(''));
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
            const { wall, offsetMinutes } = helsinkiWallClock(v);
            values[c.key] = wall;
            formats[c.key] = `yyyy-mm-dd"T"hh:mm:ss"${offsetText(offsetMinutes)}"`;
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
  return all.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

/** A query parameter's first value. */
export const oneParam = (v: unknown): string | undefined => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
};
