import './parties.messages';
import { useMemo, type ReactNode } from 'react';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useSubscription } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import { toApiError } from '../../graphql/errors';
import type { PartiesChangedSubscription as PartiesChangedEvent } from '../../graphql/generated/graphql';
import { partyKinds, populationSourceLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { municipalityPopulation, populationSources, sortByName, filterParties, type PartyFilter } from './parties.util';
import { PartiesChangedSubscription, PartiesQuery } from './parties.documents';
import { PartyFilters } from './PartyFilters';
import { PartyTable } from './PartyTable';
import { PopulationSummary } from './PopulationSummary';

type LastEvent = PartiesChangedEvent['partyChanged'] | undefined;

/** The filters live in the URL (?kind=&q=), so a filtered view can be shared or bookmarked. */
const RULES = { kind: { values: partyKinds } };

function useFilterParams(): [PartyFilter, (next: PartyFilter) => void, ReactNode] {
  const { params, setParams, notice } = useUrlFilters(RULES);
  const kindParam = params.get('kind');
  const filter: PartyFilter = { kind: partyKinds.find((kind) => kind === kindParam), text: params.get('q') ?? '' };
  const setFilter = (next: PartyFilter) => {
    const search = new URLSearchParams();
    if (next.kind) search.set('kind', next.kind);
    if (next.text) search.set('q', next.text);
    setParams(search, { replace: true });
  };
  return [filter, setFilter, notice];
}

/** /parties: every party with its latest population, live-updated from `partyChanged`. */
export function PartyListPage() {
  const { t, lang, name } = useI18n();
  const [filter, setFilter, notice] = useFilterParams();
  const [{ data, error }, refetch] = usePageQuery({ query: PartiesQuery });
  // The cache merges each event's party by id; the handler only keeps the last event for the announcement.
  const [{ data: lastEvent }] = useSubscription<PartiesChangedEvent, LastEvent>(
    { query: PartiesChangedSubscription },
    (_previous, event) => event.partyChanged,
  );
  const announcement = !lastEvent
    ? ''
    : lastEvent.actor
      ? t('parties.liveChangedBy', { actor: lastEvent.actor.displayName, name: name(lastEvent.party.names) })
      : t('parties.liveChanged', { name: name(lastEvent.party.names) });

  const all = data?.parties;
  const { kind, text } = filter;
  const view = useMemo(() => {
    if (!all) return undefined;
    const shown = sortByName(filterParties(all, { kind, text }), lang);
    return {
      shown,
      total: municipalityPopulation(all),
      sources: populationSources(shown),
      kinds: new Set(all.map((party) => party.kind)),
    };
  }, [all, kind, text, lang]);

  return (
    <>
      <PageHeading title={t('parties.title')}>{t('parties.title')}</PageHeading>
      <p className="yp-lead">{t('parties.intro')}</p>
      {!view ? (
        <PageLoadingOrError error={toApiError(error)} onRetry={refetch} />
      ) : (
        <>
          <PopulationSummary total={view.total} />
          <PartyFilters filter={filter} kinds={view.kinds} onChange={setFilter} />
          {notice}
          <p role="status" className="yp-count" data-testid="party-count">
            {view.shown.length === 0
              ? t('parties.none')
              : t('parties.count', { shown: view.shown.length, total: all?.length ?? 0 })}
          </p>
          {view.shown.length > 0 && (
            <PartyTable
              parties={view.shown}
              changedId={lastEvent?.party.id}
              footnote={t('parties.footnote', {
                sources: [...new Set(view.sources.map((s) => populationSourceLabel(t, s)))].join(', '),
              })}
            />
          )}
        </>
      )}
      <p className="yp-visually-hidden" aria-live="polite" data-testid="live-announcement">
        {announcement}
      </p>
    </>
  );
}
