import './record.messages';
import { useId, useState, type FormEvent } from 'react';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import './record.css';
import { useI18n } from '../../i18n/useI18n';
import { AppealInstructionsQuery, SetAppealInstructionsMutation } from './record.documents';
import { serverFieldMessage } from '../../i18n/errorMessage';

/**
 * A body's appeal instructions (oikaisuvaatimusohje), which its published
 * minutes carry: everyone reads them here; the secretariat edits them.
 */
export function AppealInstructionsSection({ bodyId, canEdit }: { bodyId: string; canEdit: boolean }) {
  const { t, name, lang } = useI18n();
  const headingId = useId();
  const [{ data }] = useQuery({ query: AppealInstructionsQuery, variables: { bodyId } });
  const [, save] = useMutation(SetAppealInstructionsMutation);
  const [form, setForm] = useState<{ fi: string; sv: string; en: string }>();
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const a = data?.appealInstructions;
  if (!a) return null;
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!form || !a) return;
    setError(undefined);
    const r = await save({
      bodyId,
      expectedVersion: a.version,
      input: { fi: form.fi, sv: form.sv || null, en: form.en || null },
    });
    if (r.error) return setError(toApiError(r.error));
    setForm(undefined);
    setStatus(t('rec.appealSaved'));
  }
  const field = (key: 'fi' | 'sv' | 'en', label: string) => (
    <label className="yp-field">
      <span>{label}</span>
      <textarea
        rows={8}
        value={form?.[key] ?? ''}
        lang={key}
        onChange={(e) => setForm((f) => f && { ...f, [key]: e.target.value })}
        aria-invalid={!!serverFieldMessage(error, key, t, lang)}
        data-testid={`appeal-${key}`}
      />
      {serverFieldMessage(error, key, t, lang) && (
        <span className="yp-field__error">{serverFieldMessage(error, key, t, lang)}</span>
      )}
    </label>
  );
  return (
    <section className="yp-card yp-mt-m" aria-labelledby={headingId} data-testid="appeal-instructions">
      <Heading variant="h2" id={headingId}>
        {t('rec.appeal')}
      </Heading>
      <p className="yp-meta">{t('rec.appealIntro')}</p>
      {a.isDefault && <p className="yp-meta">{t('rec.appealDefault')}</p>}
      {!form && <div className="yp-pre-line yp-appeal-text">{name({ fi: a.fi, sv: a.sv ?? null, en: a.en ?? null })}</div>}
      {canEdit && !form && (
        <Button
          variant="secondary"
          onClick={() => setForm({ fi: a.fi, sv: a.sv ?? '', en: a.en ?? '' })}
          data-testid="appeal-edit"
        >
          {t('rec.appealEdit')}
        </Button>
      )}
      {canEdit && form && (
        <form className="yp-form" onSubmit={(e) => void onSubmit(e)}>
          {field('fi', t('rec.appealFi'))}
          {field('sv', t('rec.appealSv'))}
          {field('en', t('rec.appealEn'))}
          {error && <ErrorAlert error={error} />}
          <div className="yp-actions">
            <Button type="submit">{t('rec.appealSave')}</Button>
            <Button variant="secondaryNoBorder" onClick={() => setForm(undefined)}>
              {t('coop.form.close')}
            </Button>
          </div>
        </form>
      )}
      <p role="status" className="yp-status">
        {status}
      </p>
    </section>
  );
}
