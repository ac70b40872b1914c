/**
 * Export links: `GET /export/<name>.csv` and `.xlsx` (service-needs, actions,
 * decisions, attendance) take their filters as query parameters; the register's
 * are status, theme, municipality, targetGroup, priority, ownerBody, party, text.
 * The session cookie authorises the download.
 */

/** The file formats the server exports. */
export type ExportFormat = 'csv' | 'xlsx';

/** The server's exports, by the name in their path. */
export type ExportName = 'service-needs' | 'actions' | 'decisions' | 'attendance';

/** Any export's parameters: a list is comma separated, an empty value left out. */
export type ExportParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The register's URL parameter → the export's parameter. */
const REGISTER_TO_EXPORT: ReadonlyArray<readonly [string, string]> = [
  ['status', 'status'],
  ['theme', 'theme'],
  ['municipality', 'municipality'],
  ['group', 'targetGroup'],
  ['priority', 'priority'],
  ['body', 'ownerBody'],
  ['party', 'party'],
  ['q', 'text'],
];

/** Filters the export understands, by its own parameter names. */
export interface ExportFilters {
  status?: readonly string[];
  theme?: string;
  municipality?: string;
  targetGroup?: string;
  priority?: string;
  ownerBody?: string;
  party?: string;
  text?: string;
}

/**
 * The export URL for some filters; empty filters are left out, a list is comma
 * separated as in the register's URL. `lang` names the file's headers' and
 * labels' language (the UI's, which can differ from the browser's Accept-Language).
 */
export function exportUrl(
  format: ExportFormat,
  filters: ExportFilters | ExportParams,
  lang?: string,
  name: ExportName = 'service-needs',
): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string | readonly string[] | undefined][]) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value).trim();
    if (text) p.set(key, text);
  }
  if (lang) p.set('lang', lang);
  const query = p.toString();
  return `/export/${name}.${format}${query ? `?${query}` : ''}`;
}

/** The export's filters from the register's URL (`/needs?status=AGREED&q=…`). */
export function filtersFromRegister(params: URLSearchParams): ExportFilters {
  const filters: Record<string, string | string[]> = {};
  for (const [from, to] of REGISTER_TO_EXPORT) {
    const value = params.get(from)?.trim();
    if (!value) continue;
    filters[to] = to === 'status' ? value.split(',').filter(Boolean) : value;
  }
  return filters as ExportFilters;
}

/** Register filters the export cannot apply (it then exports more than the view shows). */
export function unsupportedRegisterFilters(params: URLSearchParams): string[] {
  return params.get('gaps') === '1' ? ['gaps'] : [];
}
