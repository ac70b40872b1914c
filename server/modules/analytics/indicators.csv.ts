/**
 * Reads indicator values from a CSV shaped like THL Sotkanet's exports: one
 * row per indicator, region, year and gender, with the indicator's id and
 * title, the region's code and title, the value and the absolute value.
 * Headers are matched loosely (Finnish, Swedish or English; case, spaces and
 * punctuation ignored); `;`, `,` or tab separated; decimal commas allowed.
 * Nothing here knows an indicator id: ids come from the data.
 */
import { parse } from 'csv-parse/sync';

/** A row that could be read, before its region is matched to a party. */
export interface IndicatorCsvRow {
  line: number;
  indicatorCode: string;
  indicatorName: string | null;
  unit: string | null;
  regionCode: string;
  regionName: string | null;
  /** MUNICIPALITY, WELLBEING_SERVICES_COUNTY or REGIONAL_COUNCIL when the file says which kind of region. */
  regionKind: string | null;
  year: number;
  gender: 'TOTAL' | 'MALE' | 'FEMALE';
  value: number;
  absoluteValue: number | null;
}

/** Why a row was skipped, as a code the UI words in its own language (contract `IndicatorSkipCode`). */
export type SkipCode =
  | 'EMPTY_FILE'
  | 'MISSING_COLUMNS'
  | 'NO_INDICATOR_ID'
  | 'INDICATOR_ID_TOO_LONG'
  | 'NO_REGION_CODE'
  | 'BAD_REGION_CODE'
  | 'BAD_YEAR'
  | 'UNKNOWN_GENDER'
  | 'NO_VALUE'
  | 'BAD_VALUE'
  | 'BAD_ABSOLUTE_VALUE'
  | 'UNKNOWN_REGION_KIND'
  | 'UNKNOWN_REGION'
  | 'AMBIGUOUS_REGION';

export interface SkippedRow {
  line: number;
  /** The reason in English, for logs and tools. */
  reason: string;
  code: SkipCode;
  /** The cell (or the missing columns, the region code) the reason is about. */
  value?: string | null;
}

export interface ParsedIndicatorCsv {
  rows: IndicatorCsvRow[];
  skipped: SkippedRow[];
}

type Column =
  | 'indicatorCode'
  | 'indicatorName'
  | 'unit'
  | 'regionCode'
  | 'regionName'
  | 'regionKind'
  | 'year'
  | 'gender'
  | 'value'
  | 'absoluteValue';

/** Header spellings (normalised: lower case, letters and digits only) → column. */
const HEADERS: Record<string, Column> = {};
const alias = (column: Column, ...names: string[]) => names.forEach((n) => (HEADERS[normalise(n)] = column));
alias(
  'indicatorCode',
  'indicator id',
  'indicator',
  'indicator_id',
  'indicator code',
  'indikaattori id',
  'indikaattorin id',
  'indikaattori-id',
  'indikaattorin tunnus',
  'indikator id',
);
alias(
  'indicatorName',
  'indicator title',
  'indicator name',
  'indikaattori',
  'indikaattorin nimi',
  'indikaattorin otsikko',
  'indikator',
  'title',
);
alias('unit', 'unit', 'yksikkö', 'enhet');
alias(
  'regionCode',
  'region code',
  'region id',
  'region_code',
  'alue id',
  'aluekoodi',
  'alueen koodi',
  'alue koodi',
  'kuntakoodi',
  'municipality code',
  'områdeskod',
  'område id',
);
alias('regionName', 'region', 'region title', 'region name', 'alue', 'alueen nimi', 'område');
alias('regionKind', 'region category', 'region type', 'aluetyyppi', 'alueryhmä', 'alueen tyyppi', 'områdestyp');
alias('year', 'year', 'vuosi', 'år');
alias('gender', 'gender', 'sex', 'sukupuoli', 'kön');
alias('value', 'value', 'arvo', 'värde', 'primary value');
alias('absoluteValue', 'absolute value', 'absolute_value', 'absoluuttinen arvo', 'absoluuttiarvo', 'absolut värde');

function normalise(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const GENDERS: Record<string, IndicatorCsvRow['gender']> = {
  total: 'TOTAL',
  yhteensä: 'TOTAL',
  kaikki: 'TOTAL',
  molemmat: 'TOTAL',
  totalt: 'TOTAL',
  '': 'TOTAL',
  male: 'MALE',
  males: 'MALE',
  miehet: 'MALE',
  mies: 'MALE',
  män: 'MALE',
  man: 'MALE',
  female: 'FEMALE',
  females: 'FEMALE',
  naiset: 'FEMALE',
  nainen: 'FEMALE',
  kvinnor: 'FEMALE',
  kvinna: 'FEMALE',
};

const REGION_KINDS: Record<string, string> = {
  kunta: 'MUNICIPALITY',
  municipality: 'MUNICIPALITY',
  kommun: 'MUNICIPALITY',
  hyvinvointialue: 'WELLBEING_SERVICES_COUNTY',
  wellbeingservicescounty: 'WELLBEING_SERVICES_COUNTY',
  välfärdsområde: 'WELLBEING_SERVICES_COUNTY',
  maakunta: 'REGIONAL_COUNCIL',
  region: 'REGIONAL_COUNCIL',
  landskap: 'REGIONAL_COUNCIL',
  regionalcouncil: 'REGIONAL_COUNCIL',
};

/** The separator the header line uses: `;` (Finnish Excel, Sotkanet), tab, or `,`. */
export function detectSeparator(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, '');
  if (outside.includes(';')) return ';';
  if (outside.includes('\t')) return '\t';
  return ',';
}

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Splits CSV text into records of fields (RFC 4180 quoting; a BOM ignored), with the line each record
 * starts on. CRLF, LF and CR all end a line, mixed too, and read as LF inside a quoted field.
 * Records of blank fields only are left out; a quote in the middle of a field is kept as text; an
 * unclosed quote runs to the end of the file, as spreadsheets read it.
 */
export function splitCsv(text: string, separator: string): { line: number; fields: string[] }[] {
  // One line end: csv-parse counts a quoted CRLF as two lines, which would shift every line number after it.
  const lf = text.replace(/\r\n?/g, '\n');
  const read = (input: string): CsvRecord[] =>
    parse(input, {
      delimiter: separator,
      record_delimiter: '\n',
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as CsvRecord[];
  let records: CsvRecord[];
  try {
    records = read(lf);
  } catch (err) {
    if ((err as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw err;
    records = read(`${lf}"`);
  }
  return records
    .map(({ record, info }) => ({
      line: info.lines - record.reduce((n, f) => n + (f.split('\n').length - 1), 0),
      fields: record,
    }))
    .filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/** A number written the Finnish or the English way ("12,5", "1 234,5", "12.5"); undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '' || s === '..' || s === '-' || s === '—') return undefined;
  const normalised = s.includes(',') && !s.includes('.') ? s.replace(',', '.') : s.replace(/,/g, '');
  if (!/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(normalised)) return undefined;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

/** Parses the file; rows it cannot read are listed with a reason, never guessed. */
export function parseIndicatorCsv(text: string): ParsedIndicatorCsv {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const records = splitCsv(body, detectSeparator(firstLine));
  const header = records.shift();
  const skipped: SkippedRow[] = [];
  if (!header) return { rows: [], skipped: [{ line: 1, reason: 'The file is empty', code: 'EMPTY_FILE' }] };
  const index = new Map<Column, number>();
  header.fields.forEach((h, i) => {
    const column = HEADERS[normalise(h)];
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = (['indicatorCode', 'regionCode', 'year', 'value'] as const).filter((c) => !index.has(c));
  if (missing.length) {
    const reason = `Missing column(s): ${missing.join(', ')} (found: ${header.fields.join(', ')})`;
    return { rows: [], skipped: [{ line: header.line, reason, code: 'MISSING_COLUMNS', value: missing.join(', ') }] };
  }
  const rows: IndicatorCsvRow[] = [];
  for (const { line, fields } of records) {
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const skip = (code: SkipCode, reason: string, value: string | null = null) => skipped.push({ line, reason, code, value });
    const indicatorCode = get('indicatorCode');
    if (!indicatorCode) {
      skip('NO_INDICATOR_ID', 'No indicator id');
      continue;
    }
    if (indicatorCode.length > 40) {
      skip('INDICATOR_ID_TOO_LONG', 'Indicator id longer than 40 characters', indicatorCode.slice(0, 40));
      continue;
    }
    const regionCode = get('regionCode');
    if (!/^\d{1,3}$/.test(regionCode)) {
      if (regionCode) skip('BAD_REGION_CODE', `Region code "${regionCode}" is not an official code`, regionCode);
      else skip('NO_REGION_CODE', 'No region code');
      continue;
    }
    const yearRaw = get('year');
    const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
    if (!(year >= 1900 && year <= 2100)) {
      skip('BAD_YEAR', `Year "${yearRaw}" is not a year`, yearRaw);
      continue;
    }
    const genderRaw = normalise(get('gender'));
    const gender = GENDERS[genderRaw];
    if (!gender) {
      skip('UNKNOWN_GENDER', `Unknown gender "${get('gender')}"`, get('gender'));
      continue;
    }
    const valueRaw = get('value');
    const value = parseNumber(valueRaw);
    if (value === undefined) {
      if (valueRaw) skip('BAD_VALUE', `Value "${valueRaw}" is not a number`, valueRaw);
      else skip('NO_VALUE', 'No value (suppressed or missing in the source)');
      continue;
    }
    const absRaw = get('absoluteValue');
    const absoluteValue = parseNumber(absRaw);
    if (absRaw && absoluteValue === undefined && absRaw !== '..') {
      skip('BAD_ABSOLUTE_VALUE', `Absolute value "${absRaw}" is not a number`, absRaw);
      continue;
    }
    const kindRaw = normalise(get('regionKind'));
    const regionKind = kindRaw ? (REGION_KINDS[kindRaw] ?? null) : null;
    if (kindRaw && !regionKind) {
      skip('UNKNOWN_REGION_KIND', `Unknown region category "${get('regionKind')}"`, get('regionKind'));
      continue;
    }
    rows.push({
      line,
      indicatorCode,
      indicatorName: get('indicatorName') || null,
      unit: get('unit') || null,
      regionCode,
      regionName: get('regionName') || null,
      regionKind,
      year,
      gender,
      value,
      absoluteValue: absoluteValue ?? null,
    });
  }
  return { rows, skipped };
}

/**
 * Matches an official region code to a party: municipalities by their
 * three-digit code (leading zeros restored: spreadsheets drop them), the
 * wellbeing services county and the region by theirs; a region category in
 * the file decides between kinds. Undefined with a reason when no single party fits.
 */
export function matchRegion(
  row: Pick<IndicatorCsvRow, 'regionCode' | 'regionKind'>,
  parties: readonly { id: string; kind: string; code: string | null }[],
): { partyId: string } | { reason: string; code: SkipCode; value: string } {
  const code = row.regionCode;
  const candidates = parties.filter((p) => {
    if (row.regionKind && p.kind !== row.regionKind) return false;
    if (p.kind === 'MUNICIPALITY')
      return (
        p.code === code.padStart(3, '0') &&
        (row.regionKind === 'MUNICIPALITY' ||
          code.length === 3 ||
          !parties.some((q) => q.kind !== 'MUNICIPALITY' && q.code === code))
      );
    return p.code === code;
  });
  if (candidates.length === 1) return { partyId: candidates[0]!.id };
  if (candidates.length === 0)
    return { reason: `Region code ${code} is not a party of the hub`, code: 'UNKNOWN_REGION', value: code };
  return {
    reason: `Region code ${code} fits several parties; add a region category column`,
    code: 'AMBIGUOUS_REGION',
    value: code,
  };
}
