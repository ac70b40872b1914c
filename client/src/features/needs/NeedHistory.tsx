import { useEffect, useState } from 'react';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/useI18n';
import { NeedHistoryQuery, ServiceNeedAsOfQuery } from './needs.documents';
import { actionStatusLabel, eventLabel, fieldLabel, roleLabel, statusLabel } from './needs.labels';
import { StatusTag } from './NeedBadges';

/** A before/after value in short words (lists joined, nothing as a dash). */
function short(value: unknown): string {
  if (value == null || value === '') return '–';
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : '–';
  if (typeof value === 'object') return JSON.stringify(value);
  const s = String(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** Field names of a history entry's snapshots, by the API's names. */
const SNAPSHOT_KEY: Record<string, string> = { themes: 'themeCodes', municipalities: 'municipalityIds', otherParties: 'partyIds', ownerBody: 'ownerBodyId', ownerParty: 'ownerPartyId' };

/** Every change to the need, oldest first: who, which party, when, what, before and after. */
export function NeedHistory({ needId, refresh }: { needId: string; refresh: number }) {
  const { t, name, dateTime } = useI18n();
  const [{ data }, reexecute] = useQuery({ query: NeedHistoryQuery, variables: { id: needId } });
  useEffect(() => {
    if (refresh > 0) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  const entries = data?.serviceNeed?.history ?? [];
  const label = (field: string, value: unknown) =>
    field === 'status' && typeof value === 'string' ? statusLabel(t, value as never) : field === 'role' && typeof value === 'string' ? roleLabel(t, value as never) : short(value);
  return (
    <section className="yp-card" aria-labelledby="history-heading">
      <Heading variant="h2" id="history-heading">
        {t('need.history')}
      </Heading>
      <ol className="yp-timeline" data-testid="history" aria-label={t('need.historyCaption')}>
        {entries.map((h) => {
          const before = (h.before ?? {}) as Record<string, unknown>;
          const after = (h.after ?? {}) as Record<string, unknown>;
          return (
            <li key={h.id} className={`yp-timeline__item yp-timeline__item--${h.name.replace('.', '-')}`}>
              <p className="yp-timeline__head">
                <strong>{eventLabel(t, h.name)}</strong> · <time dateTime={h.at as string}>{dateTime(h.at as string)}</time>
                {(h.actor || h.party) && (
                  <>
                    {' · '}
                    {h.actor?.displayName}
                    {h.party && <> ({name(h.party.names)})</>}
                  </>
                )}
              </p>
              {h.name === 'comment.added' ? (
                <p className="yp-timeline__body">{short(after.body)}</p>
              ) : h.name.startsWith('action.') ? (
                <p className="yp-timeline__body">
                  {short(after.title)}: {before.status ? `${actionStatusLabel(t, before.status as never)} → ` : ''}
                  {after.status ? actionStatusLabel(t, after.status as never) : ''}
                </p>
              ) : h.kind === 'UPDATED' && h.changedFields.length > 0 ? (
                <dl className="yp-timeline__diff">
                  {h.changedFields.map((f) => {
                    const key = SNAPSHOT_KEY[f] ?? f;
                    return (
                      <div key={f}>
                        <dt>{fieldLabel(t, f)}</dt>
                        <dd>
                          <del>{label(f, before[key])}</del> <span aria-hidden="true">→</span> <ins>{label(f, after[key])}</ins>
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              ) : h.changedFields.length > 0 ? (
                <p className="yp-timeline__body yp-meta">{h.changedFields.map((f) => fieldLabel(t, f)).join(', ')}</p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A date picker that shows the need as it stood at the end of that day. */
export function AsOfPanel({ needId }: { needId: string }) {
  const { t, name, date } = useI18n();
  const [day, setDay] = useState('');
  const [shown, setShown] = useState('');
  const asOf = shown ? new Date(`${shown}T23:59:59`).toISOString() : '';
  const [{ data, fetching }] = useQuery({ query: ServiceNeedAsOfQuery, variables: { id: needId, asOf }, pause: !shown, requestPolicy: 'network-only' });
  const past = data?.serviceNeed;
  return (
    <section className="yp-card" aria-labelledby="asof-heading" data-testid="as-of">
      <Heading variant="h2" id="asof-heading">
        {t('need.asOf')}
      </Heading>
      <form
        className="yp-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(day);
        }}
      >
        <label>
          {t('need.asOfDate')}
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} max={new Date().toISOString().slice(0, 10)} data-testid="as-of-date" />
        </label>
        <Button type="submit" disabled={!day}>
          {t('need.asOfShow')}
        </Button>
        {shown && (
          <Button variant="secondaryNoBorder" onClick={() => setShown('')}>
            {t('need.asOfClear')}
          </Button>
        )}
      </form>
      {shown && !fetching && !past && <InlineAlert>{t('need.asOfNone')}</InlineAlert>}
      {past && (
        <div className="yp-asof" data-testid="as-of-result">
          <Heading variant="h3">{t('need.asOfTitle', { date: date(shown) })}</Heading>
          <dl className="yp-details">
            <div>
              <dt>{t('need.titleLabel')}</dt>
              <dd>{past.title}</dd>
            </div>
            <div>
              <dt>{t('need.status')}</dt>
              <dd>
                <StatusTag status={past.status} /> {past.statusNote && <span className="yp-meta">{past.statusNote}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('need.ownerBody')}</dt>
              <dd>{past.ownerBody?.name ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('need.estimatedResidents')}</dt>
              <dd>{past.estimatedResidents ?? t('need.residentsHidden')}</dd>
            </div>
            <div>
              <dt>{t('need.responsibilities')}</dt>
              <dd>{past.responsibilities.map((r) => `${name(r.party.names)} (${roleLabel(t, r.role)})`).join(', ') || '–'}</dd>
            </div>
            <div>
              <dt>{t('need.actions')}</dt>
              <dd>{past.actions.map((a) => `${a.title} – ${actionStatusLabel(t, a.status)}`).join('; ') || '–'}</dd>
            </div>
          </dl>
        </div>
      )}
    </section>
  );
}
