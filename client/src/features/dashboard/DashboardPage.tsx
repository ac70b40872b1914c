import './dashboard.messages';
import { SelectField } from '../../components/SelectField';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useQuery, useSubscription } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { toApiError } from '../../graphql/errors';
import type { ServiceNeedChangedSubscription } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { placeNames } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { NeedChangedSubscription } from '../needs/needs.documents';
import {
  DashboardActionsQuery,
  DashboardMunicipalitiesQuery,
  DashboardNeedsQuery,
  DashboardOptionsQuery,
  DashboardRatificationsQuery,
  DashboardResolutionQuery,
} from './dashboard.documents';
import { ActionsChart } from './ActionsChart';
import { KeyFigures, MunicipalityMap, ThemesChart } from './DashboardCharts';
import { RatificationChart } from './RatificationChart';
import { ResolutionChart } from './ResolutionChart';
import {
  dashboardFilter,
  dashboardFilterRules,
  readDashboardView,
  registerLink,
  writeDashboardView,
  type DashboardView,
} from './dashboardFilters';
import { ExportLinks } from './ExportLinks';
import { useFormat } from '../../i18n/useFormat';
import { defaultTrendParties, IndicatorTrends } from './IndicatorTrends';
import { GoalsPanel } from '../goals/GoalsPanel';
import './dashboard.css';
import './charts.css';
import './indicators.css';

/** Live events come in bursts (a meeting records ten decisions); the figures are refetched once after a pause. */
const REFRESH_DEBOUNCE_MS = 1500;

/** /dashboard: the shared situational picture (yhteinen tilannekuva), filtered by the URL. */
export function DashboardPage() {
  const { t, name, lang } = useI18n();
  const { time } = useFormat();
  const { user } = useCurrentUser();
  const [{ data: options }] = useQuery({ query: DashboardOptionsQuery });
  const rules = useMemo(() => dashboardFilterRules(options), [options]);
  const { params, setParams, pending: pause, notice } = useUrlFilters(rules);
  const view = useMemo(() => readDashboardView(params), [params]);
  const filter = useMemo(() => dashboardFilter(view), [view]);
  const setView = useCallback((next: DashboardView) => setParams(writeDashboardView(next), { replace: true }), [setParams]);

  const [needs, reNeeds] = useQuery({ query: DashboardNeedsQuery, variables: { filter }, pause });
  const [munis, reMunis] = useQuery({ query: DashboardMunicipalitiesQuery, variables: { filter }, pause });
  const [actions, reActions] = useQuery({ query: DashboardActionsQuery, variables: { filter }, pause });
  const [ratif, reRatif] = useQuery({ query: DashboardRatificationsQuery });
  const [res, reRes] = useQuery({ query: DashboardResolutionQuery, variables: { filter }, pause });

  const refetchAll = useCallback(() => {
    const opts = { requestPolicy: 'network-only' as const };
    reNeeds(opts);
    reMunis(opts);
    reActions(opts);
    reRatif(opts);
    reRes(opts);
  }, [reNeeds, reMunis, reActions, reRatif, reRes]);
  useRefetchOnReconnect(refetchAll);

  // Live: any change to a need the user may see refreshes the figures (once per burst).
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useSubscription<ServiceNeedChangedSubscription, null>({ query: NeedChangedSubscription }, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(refetchAll, REFRESH_DEBOUNCE_MS);
    return null;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  // When the figures last arrived, for "updated 14.32" on the wall.
  const [updated, setUpdated] = useState<Date | null>(null);
  useEffect(() => {
    if (needs.data && !needs.fetching) setUpdated(new Date());
  }, [needs.data, needs.fetching]);

  const collator = new Intl.Collator(lang);
  const municipalities = (options?.parties ?? [])
    .filter((p) => p.kind === 'MUNICIPALITY')
    .sort((a, b) => placeNames.compare(name(a.names), name(b.names)));
  const themes = [...(options?.themes ?? [])]
    .map((th) => ({ code: th.code, label: name(th.names) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const themeLabels = new Map(themes.map((th) => [th.code, th.label]));
  const themeName = (code: string, fallback: string) =>
    code === 'UNSET' ? t('dash.themes.unset') : (themeLabels.get(code) ?? fallback);
  const trendParties = view.parties.length
    ? view.parties
    : options
      ? defaultTrendParties(options.parties, view.municipality)
      : [];
  const state = <T,>(r: { data?: T; error?: Parameters<typeof toApiError>[0]; fetching: boolean }) => ({
    data: r.data,
    error: toApiError(r.error),
    fetching: r.fetching,
  });
  const filtered = view.theme || view.municipality;

  return (
    <div className="yp-dashboard" data-testid="dashboard">
      <div className="yp-dash__top">
        <div>
          <PageHeading title={t('dash.title')}>{t('dash.title')}</PageHeading>
          <p className="yp-dash__intro">{t('dash.intro')}</p>
        </div>
        <p className="yp-dash__updated" aria-live="off">
          {updated && t('dash.updated', { time: time(updated) })}
          <span className="yp-dash__live">{t('dash.liveNote')}</span>
        </p>
      </div>

      <div className="yp-dash__toolbar">
        <form className="yp-dash__filters" role="search" aria-label={t('dash.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="dash-filter-theme"
            label={t('dash.filter.theme')}
            value={view.theme}
            emptyLabel={t('dash.filter.all')}
            options={themes.map((th) => ({ value: th.code, label: th.label }))}
            onChange={(theme) => setView({ ...view, theme })}
            testId="dash-filter-theme"
          />
          <SelectField
            id="dash-filter-municipality"
            label={t('dash.filter.municipality')}
            value={view.municipality}
            emptyLabel={t('dash.filter.all')}
            options={municipalities.map((p) => ({ value: p.id, label: name(p.names) }))}
            onChange={(municipality) => setView({ ...view, municipality })}
            testId="dash-filter-municipality"
          />
          {filtered && (
            <button
              type="button"
              className="yp-dash__clear"
              onClick={() => setView({ ...view, theme: '', municipality: '' })}
              data-testid="dash-clear"
            >
              {t('dash.filter.clear')}
            </button>
          )}
          <Link className="yp-link yp-dash__register" to={registerLink(view)}>
            {t('dash.openRegister')} <span aria-hidden="true">→</span>
          </Link>
        </form>
        <ExportLinks filters={{ theme: view.theme, municipality: view.municipality }} compact />
      </div>
      {notice}

      <KeyFigures needs={needs.data} actions={actions.data} ratifications={ratif.data} resolution={res.data} />

      <div className="yp-dash__grid">
        <ThemesChart state={state(needs)} view={view} themeName={themeName} />
        <MunicipalityMap state={state(munis)} parties={options?.parties} view={view} />
        <ActionsChart state={state(actions)} />
        <RatificationChart state={state(ratif)} />
        <ResolutionChart state={state(res)} view={view} themeName={themeName} />
        <IndicatorTrends
          parties={options?.parties}
          selected={trendParties}
          onChange={(ids) => setView({ ...view, parties: ids })}
          canImport={user?.roles.includes('SECRETARIAT') ?? false}
        />
      </div>
      <GoalsPanel />
    </div>
  );
}
