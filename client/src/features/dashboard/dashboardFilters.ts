import type { UrlFilterRules } from '../../components/urlFilters';
import type { DashboardOptionsQuery, ServiceNeedFilter } from '../../graphql/generated/graphql';

/** The dashboard's filters as the URL holds them, so a view can be shared or put on the wall as a link. */
export interface DashboardView {
  /** A theme code, or '' for all. */
  theme: string;
  /** A municipality's party id, or '' for all. */
  municipality: string;
  /** The parties whose indicator trends are drawn (ids, at most MAX_TREND_PARTIES). */
  parties: string[];
}

/** How many parties an indicator chart compares at once (more lines are unreadable). */
export const MAX_TREND_PARTIES = 4;

/** What the dashboard's URL filters may hold (useUrlFilters drops the rest); ids and codes once the options have loaded. */
export function dashboardFilterRules(options: DashboardOptionsQuery | undefined): UrlFilterRules {
  const parties = options?.parties;
  return {
    theme: { values: options?.themes.map((th) => th.code) },
    municipality: { id: true, values: parties?.filter((p) => p.kind === 'MUNICIPALITY').map((p) => p.id) },
    parties: { id: true, list: true, values: parties?.map((p) => p.id) },
  };
}

/** Reads the view from the URL (after useUrlFilters has left out unknown values). */
export function readDashboardView(params: URLSearchParams): DashboardView {
  const parties = (params.get('parties') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    theme: params.get('theme')?.trim() ?? '',
    municipality: params.get('municipality')?.trim() ?? '',
    parties: [...new Set(parties)].slice(0, MAX_TREND_PARTIES),
  };
}

/** Writes the view into search parameters, defaults left out. */
export function writeDashboardView(view: DashboardView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.theme) p.set('theme', view.theme);
  if (view.municipality) p.set('municipality', view.municipality);
  if (view.parties.length) p.set('parties', view.parties.slice(0, MAX_TREND_PARTIES).join(','));
  return p;
}

/** The API filter of the view (the same filter for every chart). */
export function dashboardFilter(view: DashboardView): ServiceNeedFilter {
  return {
    ...(view.theme ? { themeCodes: [view.theme] } : {}),
    ...(view.municipality ? { municipalityIds: [view.municipality] } : {}),
  };
}

/** The register's URL showing the needs behind a figure (the view's filters plus more). */
export function registerLink(
  view: DashboardView,
  extra: { theme?: string; municipality?: string; status?: string } = {},
): string {
  const p = new URLSearchParams();
  const theme = extra.theme ?? view.theme;
  const municipality = extra.municipality ?? view.municipality;
  if (extra.status) p.set('status', extra.status);
  if (theme && theme !== 'UNSET') p.set('theme', theme);
  if (municipality) p.set('municipality', municipality);
  const q = p.toString();
  return `/needs${q ? `?${q}` : ''}`;
}
