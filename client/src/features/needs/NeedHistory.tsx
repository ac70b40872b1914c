import { FactRow } from '../../components/Fact';
import { DateField } from '../../components/DateField';
import { useLayoutEffect, useRef, useState } from 'react';
import { useFieldErrors } from '../../components/useFieldErrors';
import type { ApiError } from '../../graphql/errors';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { finnishDayBoundary, todayInFinland } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { NeedOptionsQuery } from './needs.documents';
import { NeedHistoryQuery, ServiceNeedAsOfQuery } from './needHistory.documents';
import { actionChanges, eventPartyId, isEmptyValue, shortValue, SNAPSHOT_KEY } from './needHistory';
import { actionFieldLabel, actionStatusLabel, eventLabel, fieldLabel, roleLabel, statusLabel } from './needs.labels';
import { StatusTag } from './NeedBadges';

/**
 * Every change to the need, oldest first: who, which party, when, what, before and after. The box opens scrolled to
 * the newest line and follows new ones while the reader is at the end; a reader who scrolled back stays where they are.
 */
export function NeedHistory({ needId }: { needId: string }) {
  const { t, name, date, dateTime } = useI18n();
  // The need page's live event appends its line to the cached history (needs.cache.ts); nothing is fetched again.
  const [{ data }] = useQuery({ query: NeedHistoryQuery, variables: { id: needId } });
  // Responsibilities and actions store party ids; the parties' names come from the (cached) form options.
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const entries = data?.serviceNeed?.history ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && following.current) box.scrollTop = box.scrollHeight;
  }, [entries.length]);
  const partyNames = new Map((options?.parties ?? []).map((p) => [p.id, name(p.names)]));
  const partyName = (id: string) => partyNames.get(id);
  const label = (field: string, key: string, value: unknown) =>
    field === 'status' && typeof value === 'string'
      ? statusLabel(t, value as never)
      : field === 'role' && typeof value === 'string'
        ? roleLabel(t, value as never)
        : shortValue(value, key, partyName);
  // An empty value is a word, not struck through: a struck dash read as "=" ("Kuvaus = → päivitys").
  const empty = <span className="yp-timeline__empty">{t('empty.value')}</span>;
  // One field's change in words (null: empty): before → after, or after alone (a new entry has no before).
  const change = (was: string | null, is: string | null, withBefore = true) => (
    <>
      {withBefore && (
        <>
          {was == null ? empty : <del>{was}</del>} <span aria-hidden="true">→</span>{' '}
        </>
      )}
      {is == null ? empty : <ins>{is}</ins>}
    </>
  );
  // An action's values in the page's language: its status label, a due date as a date, the owner party's name.
  const actionWords = { status: (v: string) => actionStatusLabel(t, v as never), date, partyName };
  return (
    <Card headingId="history-heading" title={t('need.history')}>
      {/* A long history scrolls inside its own box; a keyboard user reaches it by Tab and scrolls with the arrows. */}
      <div
        ref={scroller}
        onScroll={(e) => {
          const box = e.currentTarget;
          following.current = box.scrollHeight - box.scrollTop - box.clientHeight < 8;
        }}
        className="yp-timeline-scroll"
        role="region"
        tabIndex={0}
        aria-labelledby="history-heading"
        data-testid="history-region"
      >
        <ol className="yp-timeline" data-testid="history" aria-label={t('need.historyCaption')}>
          {entries.map((h) => {
            const before = (h.before ?? {}) as Record<string, unknown>;
            const after = (h.after ?? {}) as Record<string, unknown>;
            const partyId = eventPartyId(h.name, before, after);
            const party = partyId ? (partyName(partyId) ?? t('need.unknownParty')) : undefined;
            const isAction = h.name.startsWith('action.');
            const changes = isAction && h.kind === 'UPDATED' ? actionChanges(h.changedFields, before, after, actionWords) : [];
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
                {party && (
                  <p className="yp-timeline__body" data-testid="history-party">
                    {t(isAction ? 'need.owner' : 'need.party')}: <strong>{party}</strong>
                  </p>
                )}
                {h.name === 'comment.added' ? (
                  <p className="yp-timeline__body">{shortValue(after.body)}</p>
                ) : h.name.startsWith('attachment.') ? (
                  // A file added or deleted: its name (the event keeps it, not the bytes).
                  <p className="yp-timeline__body" data-testid="history-attachment">
                    {shortValue(after.name ?? before.name)}
                  </p>
                ) : isAction && h.kind === 'UPDATED' ? (
                  // An update names what changed, each field old → new: a new due date is no status "A → A".
                  <>
                    <p className="yp-timeline__body">{shortValue(after.title)}</p>
                    {changes.length > 0 && (
                      <dl className="yp-timeline__diff" data-testid="history-action-changes">
                        {changes.map((c) => (
                          <FactRow key={c.field} term={actionFieldLabel(t, c.field)}>
                            {change(c.before, c.after)}
                          </FactRow>
                        ))}
                      </dl>
                    )}
                  </>
                ) : isAction ? (
                  <p className="yp-timeline__body">
                    {shortValue(after.title)}: {after.status ? actionStatusLabel(t, after.status as never) : ''}
                  </p>
                ) : h.changedFields.length > 0 && (h.kind === 'UPDATED' || h.name.startsWith('responsibility.')) ? (
                  <dl className="yp-timeline__diff">
                    {h.changedFields.map((f) => {
                      const key = SNAPSHOT_KEY[f] ?? f;
                      return (
                        <FactRow key={f} term={fieldLabel(t, f)}>
                          {change(
                            isEmptyValue(before[key]) ? null : label(f, key, before[key]),
                            isEmptyValue(after[key]) ? null : label(f, key, after[key]),
                            h.kind === 'UPDATED',
                          )}
                        </FactRow>
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
      </div>
    </Card>
  );
}

/** A date picker that shows the need as it stood at the end of that day. */
export function AsOfPanel({ needId }: { needId: string }) {
  const { t, name, date, number } = useI18n();
  const [day, setDay] = useState('');
  const [shown, setShown] = useState('');
  // A query refuses nothing here: the date has only the form's own check.
  const [error, setError] = useState<ApiError>();
  const fields = useFieldErrors<'date'>('as-of', error, setError);
  const asOf = shown ? (finnishDayBoundary(shown, true) ?? '') : '';
  const [{ data, fetching }] = useQuery({
    query: ServiceNeedAsOfQuery,
    variables: { id: needId, asOf },
    pause: !shown,
    requestPolicy: 'network-only',
  });
  const past = data?.serviceNeed;
  return (
    <Card headingId="asof-heading" title={t('need.asOf')} testId="as-of">
      <form
        ref={fields.formRef}
        className="yp-inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Text that is no date never gets here (DateField keeps its form from sending); an empty field does.
          if (!fields.check(/^\d{4}-\d{2}-\d{2}$/.test(day) ? {} : { date: 'need.asOfDateRequired' })) return;
          setShown(day);
        }}
      >
        <DateField
          {...fields.bind('date', setDay)}
          id="as-of-date"
          label={t('need.asOfDate')}
          value={day}
          max={todayInFinland()}
          testId="as-of-date"
        />
        <Button type="submit">{t('need.asOfShow')}</Button>
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
            <FactRow term={t('need.titleLabel')}>{past.title}</FactRow>
            <FactRow term={t('need.status')}>
              <StatusTag status={past.status} /> {past.statusNote && <span className="yp-meta">{past.statusNote}</span>}
            </FactRow>
            <FactRow term={t('need.ownerBody')}>{past.ownerBody ? name(past.ownerBody.names) : '–'}</FactRow>
            <FactRow term={t('need.estimatedResidents')} testId="as-of-residents">
              {past.estimatedResidents != null ? number(past.estimatedResidents) : t('need.residentsHidden')}
            </FactRow>
            <FactRow term={t('need.responsibilities')}>
              {past.responsibilities.map((r) => `${name(r.party.names)} (${roleLabel(t, r.role)})`).join(', ') || '–'}
            </FactRow>
            <FactRow term={t('need.actions')}>
              {past.actions.map((a) => `${a.title} – ${actionStatusLabel(t, a.status)}`).join('; ') || '–'}
            </FactRow>
          </dl>
        </div>
      )}
    </Card>
  );
}
