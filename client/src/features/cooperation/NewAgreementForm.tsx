import { useState, type FormEvent } from 'react';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError, toApiError, withoutField, type ApiError } from '../../graphql/errors';
import type { AgreementType } from '../../graphql/generated/graphql';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { agreementTypeLabel, agreementTypes } from './cooperation.labels';
import { AgreementPartyOptionsQuery, CreateAgreementMutation } from './cooperation.documents';

type Field = 'titles.fi' | 'titles.sv' | 'titles.en' | 'type' | 'validFrom' | 'validTo' | 'partyIds';

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The secretariat's form for a new agreement; every party is chosen until unticked. */
export function NewAgreementForm({ onCreated }: { onCreated: () => void }) {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: AgreementPartyOptionsQuery });
  const [, create] = useMutation(CreateAgreementMutation);
  const [titles, setTitles] = useState({ fi: '', sv: '', en: '' });
  const [type, setType] = useState<AgreementType>('COOPERATION_PROTOCOL');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  // Unticked parties; everything else is in, so all parties are preselected once loaded.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [missingTitle, setMissingTitle] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const parties = data?.parties ?? [];

  const clear = (field: Field) => setError((previous) => withoutField(previous, field));
  const messageFor = (field: Field) => {
    if (field === 'titles.fi' && missingTitle) return t('agr.form.fiRequired');
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
    if (titles.fi.trim() === '') {
      setMissingTitle(true);
      return;
    }
    const input = {
      titles: { fi: titles.fi.trim(), sv: optional(titles.sv), en: optional(titles.en) },
      type,
      validFrom: optional(validFrom),
      validTo: optional(validTo),
      partyIds: parties.filter((p) => !excluded.has(p.id)).map((p) => p.id),
    };
    const result = await create({ input });
    const apiError = toApiError(result.error);
    if (apiError) {
      setError(apiError);
      return;
    }
    setStatus(t('agr.form.created', { title: input.titles.fi }));
    setTitles({ fi: '', sv: '', en: '' });
    onCreated();
  }

  return (
    <section className="yp-card" aria-labelledby="new-agreement-heading" data-testid="agreement-new">
      <Heading variant="h2" id="new-agreement-heading">
        {t('agr.form.newTitle')}
      </Heading>
      <form onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        {(['fi', 'sv', 'en'] as const).map((lang) => (
          <label key={lang}>
            {t(`agr.form.title.${lang}`)}
            <input
              name={`titles.${lang}`}
              lang={lang}
              value={titles[lang]}
              aria-invalid={Boolean(messageFor(`titles.${lang}`))}
              onChange={(e) => {
                setTitles((v) => ({ ...v, [lang]: e.target.value }));
                if (lang === 'fi') setMissingTitle(false);
                clear(`titles.${lang}`);
              }}
            />
            {errorText(`titles.${lang}`)}
          </label>
        ))}
        <label>
          {t('agr.form.type')}
          <select name="type" value={type} onChange={(e) => setType(e.target.value as AgreementType)}>
            {agreementTypes.map((v) => (
              <option key={v} value={v}>
                {agreementTypeLabel(t, v)}
              </option>
            ))}
          </select>
          {errorText('type')}
        </label>
        <label>
          {t('agr.form.validFrom')}
          <input
            type="date"
            name="validFrom"
            value={validFrom}
            onChange={(e) => (setValidFrom(e.target.value), clear('validFrom'))}
          />
          {errorText('validFrom')}
        </label>
        <label>
          {t('agr.form.validTo')}
          <input type="date" name="validTo" value={validTo} onChange={(e) => (setValidTo(e.target.value), clear('validTo'))} />
          {errorText('validTo')}
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
          <Button type="submit">{t('agr.form.create')}</Button>
        </div>
        <p role="status" className="yp-status" data-testid="agreement-new-status">
          {status}
        </p>
      </form>
    </section>
  );
}
