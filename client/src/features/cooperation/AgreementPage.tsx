import './cooperation.messages';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import { SelectField } from '../../components/SelectField';
import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { useMutation, useSubscription } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { toApiError, type ApiError } from '../../graphql/errors';
import type {
  AgreementChangedSubscription as AgreementEvent,
  AgreementQuery as Result,
  RatificationOutcome,
} from '../../graphql/generated/graphql';
import { collator, placeNames } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { ToggleButton } from '../../components/ToggleButton';
import { BackLink } from '../../components/BackLink';
import { Card } from '../../components/Card';
import { DataTable } from '../../components/DataTable';
import { PageFallback } from '../../components/PageFallback';
import { useCurrentUser } from '../auth/useCurrentUser';
import { AgreementForm } from './AgreementForm';
import { AgreementSections } from './AgreementSections';
import { AgreementGoals } from '../goals/AgreementGoals';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { agreementTypeLabel, outcomeLabel, outcomes } from './cooperation.labels';
import { AgreementChangedSubscription, AgreementQuery, RecordRatificationMutation } from './agreements.documents';
import { ProgressBar } from './ProgressBar';
import { firstAwaiting, recordValuesFor } from './recordStart';
import './cooperation.css';

type Agreement = NonNullable<Result['agreement']>;
type Ratification = Agreement['ratifications'][number];
type SortKey = 'party' | 'body' | 'date' | 'section' | 'outcome';

/** The decisions as a table that sorts by any column and filters by text and outcome. */
function RatificationTable({ rows, changedId }: { rows: readonly Ratification[]; changedId?: string }) {
  const { t, name, date, lang } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'party', dir: 1 });
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<RatificationOutcome | ''>('');
  const shown = useMemo(() => {
    // A party's name is a Finnish place name: Finnish order whatever the language.
    const c = sort.key === 'party' ? placeNames : collator(lang);
    const value = (r: Ratification): string =>
      sort.key === 'party'
        ? name(r.party.names)
        : sort.key === 'body'
          ? (r.decidingBody ?? '')
          : sort.key === 'date'
            ? (r.decisionDate ?? '')
            : sort.key === 'section'
              ? (r.section ?? '')
              : outcomeLabel(t, r.outcome);
    return rows
      .filter(
        (r) => (!outcome || r.outcome === outcome) && (!text || name(r.party.names).toLowerCase().includes(text.toLowerCase())),
      )
      .sort((a, b) => sort.dir * c.compare(value(a), value(b)));
  }, [rows, sort, text, outcome, lang, name, t]);
  const columns: [SortKey, string][] = [
    ['party', t('agr.col.party')],
    ['body', t('agr.col.body')],
    ['date', t('agr.col.date')],
    ['section', t('agr.col.section')],
    ['outcome', t('agr.col.outcome')],
  ];
  return (
    <>
      <div className="yp-filters yp-coop-form">
        <label>
          {t('agr.filterText')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="ratification-filter-text" />
        </label>
        <SelectField<RatificationOutcome>
          id="ratification-filter-outcome"
          label={t('agr.filterOutcome')}
          value={outcome}
          emptyLabel={t('agr.filterAll')}
          options={outcomes.map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
          onChange={setOutcome}
          testId="ratification-filter-outcome"
        />
      </div>
      <p className="yp-meta" role="status">
        {t('agr.shown', { shown: shown.length, total: rows.length })}
      </p>
      <DataTable
        caption={t('agr.tableCaption')}
        columns={[
          ...columns.map(([key, label]) => ({
            key,
            sort: sort.key === key ? (sort.dir === 1 ? ('ascending' as const) : ('descending' as const)) : ('none' as const),
            label: (
              <button
                type="button"
                className="yp-sort"
                onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
                aria-label={t('agr.sortBy', { column: label })}
              >
                {label}
                <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
              </button>
            ),
          })),
          t('agr.col.minutes'),
        ]}
        scrollClassName="yp-coop-scroll"
        compact
        testId="ratification-table"
      >
        {shown.map((r) => (
          <tr key={r.id} data-party-code={r.party.code ?? ''} className={r.id === changedId ? 'yp-row--changed' : undefined}>
            <th scope="row">{name(r.party.names)}</th>
            <td>{r.decidingBody ?? '–'}</td>
            <td>{r.decisionDate ? date(r.decisionDate) : '–'}</td>
            <td className="yp-nowrap">{r.section ?? '–'}</td>
            <td>
              <span className={`yp-outcome yp-outcome--${r.outcome}`}>{outcomeLabel(t, r.outcome)}</span>
            </td>
            <td>
              {r.minutesUrl ? (
                <a href={r.minutesUrl} className="yp-link" rel="noopener noreferrer" data-testid="ratification-minutes-link">
                  {t('agr.minutesLink')}
                  <span className="yp-visually-hidden"> ({name(r.party.names)})</span>
                </a>
              ) : (
                '–'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** The record form's fields that may get a message. */
type RecordField = 'partyId' | 'decidingBody' | 'decisionDate' | 'section' | 'minutesUrl';

/**
 * What the record form finds wrong before sending: the fields the server requires left empty (the date field gives
 * '' when empty; no party is chosen when every party has decided), and a minutes link that is no web address.
 */
function recordProblems(values: {
  partyId: string;
  decidingBody: string;
  decisionDate: string;
  minutesUrl: string;
}): FieldProblems<RecordField> {
  const problems: FieldProblems<RecordField> = {};
  if (values.partyId === '') problems.partyId = 'error.fieldRequired';
  if (values.decidingBody.trim() === '') problems.decidingBody = 'error.fieldRequired';
  if (values.decisionDate.trim() === '') problems.decisionDate = 'error.fieldRequired';
  const url = values.minutesUrl.trim();
  if (url !== '' && !/^https?:\/\/[^\s/]+/i.test(url)) problems.minutesUrl = 'agr.recordMinutesUrlInvalid';
  return problems;
}

/**
 * Records a decision: representatives for their own party, the secretariat for any. It starts on the first party
 * still awaiting its decision, with empty fields (recordStart.ts).
 */
function RecordForm({ agreement, ownPartyId, anyParty }: { agreement: Agreement; ownPartyId?: string; anyParty: boolean }) {
  const { t, name } = useI18n();
  const [, record] = useMutation(RecordRatificationMutation);
  const choices = agreement.ratifications.filter((r) => anyParty || r.party.id === ownPartyId);
  const [partyId, setPartyId] = useState(() => firstAwaiting(choices));
  const [start] = useState(() => recordValuesFor(choices, partyId));
  const [decidingBody, setBody] = useState(start.decidingBody);
  const [decisionDate, setDate] = useState(start.decisionDate);
  const [section, setSection] = useState(start.section);
  const [minutesUrl, setMinutesUrl] = useState(start.minutesUrl);
  const [outcome, setOutcome] = useState<RatificationOutcome>(start.outcome);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const fields = useFieldErrors<RecordField>('record', error, setError);
  if (choices.length === 0) return null;
  /** Choosing a party that has decided already fills in its record, to correct or complete it (e.g. add the link). */
  function choose(id: string) {
    setPartyId(id);
    const values = recordValuesFor(choices, id);
    setBody(values.decidingBody);
    setDate(values.decisionDate);
    fields.setInvalid({});
    setError(undefined);
    setSection(values.section);
    setMinutesUrl(values.minutesUrl);
    setOutcome(values.outcome);
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    if (!fields.check(recordProblems({ partyId, decidingBody, decisionDate, minutesUrl }))) return;
    const r = await record({
      input: {
        agreementId: agreement.id,
        partyId,
        decidingBody: decidingBody.trim(),
        decisionDate,
        section: section || null,
        minutesUrl: minutesUrl.trim() || null,
        outcome,
      },
    });
    if (r.data) return setStatus(t('agr.recorded', { party: name(r.data.recordRatification.party.names) }));
    setError(toApiError(r.error));
    fields.refused();
  }
  /** A text field of the record: its id, name, message and the clearing of it on change. */
  const text = (field: RecordField, set: (value: string) => void) => ({
    ...fields.bind(field, set),
    className: 'yp-coop-text',
    fullWidth: true,
  });
  return (
    <Card headingId="record-heading" title={t('agr.recordTitle')} testId="record-form">
      <form
        ref={fields.formRef}
        onSubmit={(e) => void onSubmit(e)}
        className="yp-form yp-coop-form yp-coop-grid"
        noValidate
        data-testid="record-form-fields"
      >
        <SelectField
          {...fields.bind('partyId', choose)}
          label={t('agr.recordParty')}
          placeholder={t('agr.recordPartyChoose')}
          value={partyId}
          options={choices.map((r) => ({ value: r.party.id, label: name(r.party.names) }))}
        />
        <TextField
          {...text('decidingBody', setBody)}
          label={t('agr.recordBody')}
          hint={t('agr.recordBodyHint')}
          value={decidingBody}
        />
        <DateField {...fields.bind('decisionDate', setDate)} label={t('agr.recordDate')} value={decisionDate} />
        <TextField
          {...text('section', setSection)}
          label={t('agr.recordSection')}
          hint={t('agr.recordSectionHint')}
          value={section}
        />
        <TextField
          {...text('minutesUrl', setMinutesUrl)}
          type="url"
          inputMode="url"
          label={t('agr.recordMinutesUrl')}
          hint={t('agr.recordMinutesUrlHint')}
          visualPlaceholder="https://"
          value={minutesUrl}
          data-testid="record-minutes-url"
        />
        <SelectField<RatificationOutcome>
          id="record-outcome"
          name="outcome"
          label={t('agr.recordOutcome')}
          value={outcome}
          options={outcomes.map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
          onChange={(o) => o && setOutcome(o)}
        />
        {error && <ErrorAlert error={error} />}
        <div className="yp-actions">
          <Button type="submit">{t('agr.recordSubmit')}</Button>
        </div>
        <p role="status" className="yp-status" data-testid="record-status">
          {status}
        </p>
      </form>
    </Card>
  );
}

/**
 * /agreements/:id: contents, the round's progress as a bar and a table, live;
 * a form to record a decision; the secretariat edits the agreement and its sections.
 */
export function AgreementPage() {
  const { id = '' } = useParams();
  const { t, name, date } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, refetch] = usePageQuery({ query: AgreementQuery, variables: { id } });
  const [{ data: last }] = useSubscription<AgreementEvent, AgreementEvent['agreementChanged']>(
    { query: AgreementChangedSubscription, variables: { id } },
    (_prev, event) => event.agreementChanged,
  );
  const [editing, setEditing] = useState(false);
  const back = <BackLink to="/agreements">{t('agr.back')}</BackLink>;
  if (!data?.agreement) return <PageFallback before={back} error={error} onRetry={refetch} notFound={Boolean(data)} />;
  const a = data.agreement;
  const title = name(a.titles);
  const secretariat = Boolean(user?.roles.includes('SECRETARIAT'));
  const representative = Boolean(user?.roles.includes('PARTY_REPRESENTATIVE'));
  return (
    <>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <p className="yp-lead yp-subtitle">
        {agreementTypeLabel(t, a.type)} ·{' '}
        {t('agr.validity', { from: a.validFrom ? date(a.validFrom) : '', to: a.validTo ? date(a.validTo) : t('agr.open') })}
      </p>
      {secretariat && (
        <ToggleButton open={editing} setOpen={setEditing} label={t('agr.form.edit')} closeLabel={t('agr.form.close')} />
      )}
      {secretariat && editing && <AgreementForm key={a.id} agreement={a} />}
      <Card headingId="progress-heading" title={t('agr.progressTitle')}>
        <ProgressBar progress={a.ratificationProgress} />
        <p className="yp-meta" aria-live="polite" data-testid="live-note">
          {last?.ratification
            ? t('agr.live', { actor: last.actor?.displayName ?? '', party: name(last.ratification.party.names) })
            : last?.actor && last.actor.id !== user?.id && t('agr.liveEdited', { actor: last.actor.displayName })}
        </p>
        <RatificationTable rows={a.ratifications} changedId={last?.ratification?.id} />
      </Card>
      {(secretariat || representative) && (
        <RecordForm key={a.id} agreement={a} ownPartyId={user?.party?.id} anyParty={secretariat} />
      )}
      <AgreementSections agreementId={a.id} sections={a.sections} canEdit={secretariat} />
      <AgreementGoals agreementId={a.id} canEdit={secretariat} />
      <AttachmentsPanel target={{ type: 'AGREEMENT', id: a.id }} subject={title} />
    </>
  );
}
