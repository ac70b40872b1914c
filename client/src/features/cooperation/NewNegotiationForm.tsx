import { useState, type FormEvent } from 'react';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError, toApiError, withoutField, type ApiError } from '../../graphql/errors';
import type { NegotiationKind } from '../../graphql/generated/graphql';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { negotiationKindLabel, negotiationKinds } from './cooperation.labels';
import { AgreementPartyOptionsQuery, CreateNegotiationMutation } from './cooperation.documents';

type Field = 'kind' | 'title' | 'year' | 'municipalityGroup' | 'heldOn' | 'partyIds' | 'outcomeSummary';

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The secretariat's form for a negotiation; every party is chosen until unticked. */
export function NewNegotiationForm({ onCreated }: { onCreated: () => void }) {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: AgreementPartyOptionsQuery });
  const [, create] = useMutation(CreateNegotiationMutation);
  const [kind, setKind] = useState<NegotiationKind>('HYTE_ANNUAL');
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [group, setGroup] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [summary, setSummary] = useState('');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const parties = data?.parties ?? [];

  const clear = (field: Field) => {
    setInvalid(({ [field]: _, ...rest }) => rest);
    setError((previous) => withoutField(previous, field));
  };
  const messageFor = (field: Field) => {
    const local = invalid[field];
    if (local) return local;
    const server = fieldError(error, field);
    return server ? fieldErrorMessage(server, t) : undefined;
  };
  const errorText = (field: Field) => {
    const message = messageFor(field);
    return message ? <span className="yp-field-error">{message}</span> : null;
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const problems: Partial<Record<Field, string>> = {};
    if (title.trim() === '') problems.title = t('neg.form.titleRequired');
    if (!/^\d{4}$/.test(year.trim())) problems.year = t('neg.form.yearInvalid');
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    const input = {
      kind,
      title: title.trim(),
      year: Number(year.trim()),
      municipalityGroup: optional(group),
      heldOn: optional(heldOn),
      outcomeSummary: optional(summary),
      partyIds: parties.filter((p) => !excluded.has(p.id)).map((p) => p.id),
    };
    const result = await create({ input });
    const apiError = toApiError(result.error);
    if (apiError) {
      setError(apiError);
      return;
    }
    setStatus(t('neg.form.created', { title: input.title }));
    setTitle('');
    setSummary('');
    onCreated();
  }

  return (
    <section className="yp-card" aria-labelledby="new-negotiation-heading" data-testid="negotiation-new">
      <Heading variant="h2" id="new-negotiation-heading">
        {t('neg.form.newTitle')}
      </Heading>
      <form onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        <label>
          {t('neg.form.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as NegotiationKind)}>
            {negotiationKinds.map((v) => (
              <option key={v} value={v}>
                {negotiationKindLabel(t, v)}
              </option>
            ))}
          </select>
          {errorText('kind')}
        </label>
        <label>
          {t('neg.form.title')}
          <input
            name="title"
            value={title}
            aria-invalid={Boolean(messageFor('title'))}
            onChange={(e) => (setTitle(e.target.value), clear('title'))}
          />
          {errorText('title')}
        </label>
        <label>
          {t('neg.form.year')}
          <input
            name="year"
            inputMode="numeric"
            value={year}
            aria-invalid={Boolean(messageFor('year'))}
            onChange={(e) => (setYear(e.target.value), clear('year'))}
          />
          {errorText('year')}
        </label>
        <label>
          {t('neg.form.group')}
          <input
            name="municipalityGroup"
            value={group}
            onChange={(e) => (setGroup(e.target.value), clear('municipalityGroup'))}
          />
          {errorText('municipalityGroup')}
        </label>
        <label>
          {t('neg.form.heldOn')}
          <input type="date" name="heldOn" value={heldOn} onChange={(e) => (setHeldOn(e.target.value), clear('heldOn'))} />
          {errorText('heldOn')}
        </label>
        <label>
          {t('neg.form.summary')}
          <input name="outcomeSummary" value={summary} onChange={(e) => (setSummary(e.target.value), clear('outcomeSummary'))} />
          {errorText('outcomeSummary')}
        </label>
        <fieldset className="yp-coop-themes">
          <legend>{t('agr.form.parties', { count: parties.length - excluded.size })}</legend>
          {parties.map((p) => (
            <label key={p.id} className="yp-coop-check">
              <input
                type="checkbox"
                name="partyIds"
                value={p.id}
                checked={!excluded.has(p.id)}
                onChange={(e) => {
                  const next = new Set(excluded);
                  if (e.target.checked) next.delete(p.id);
                  else next.add(p.id);
                  setExcluded(next);
                  clear('partyIds');
                }}
              />
              {name(p.names)}
            </label>
          ))}
          {errorText('partyIds')}
        </fieldset>
        {error && <ErrorAlert error={error} />}
        <div className="yp-actions">
          <Button type="submit">{t('neg.form.create')}</Button>
        </div>
        <p role="status" className="yp-status" data-testid="negotiation-new-status">
          {status}
        </p>
      </form>
    </section>
  );
}
