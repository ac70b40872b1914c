import { SubmitButton } from '../../components/SubmitButton';
import { useState, type FormEvent } from 'react';
import { DateInput, Dropdown, DropdownItem, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError, toApiError, withoutField, type ApiError } from '../../graphql/errors';
import type { FigureStatus } from '../../graphql/generated/graphql';
import { figureStatuses, figureStatusLabel } from '../../i18n/enumLabels';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { AddPopulationFigureMutation } from './parties.documents';
import { readPopulationForm, type PopulationFormField, type PopulationFormValues } from './populationForm';

const empty: PopulationFormValues = { value: '', referenceDate: '', status: 'FINAL', source: '' };

/** The secretariat's form to record a population figure (value, date, status, source). */
export function AddPopulationForm({ partyId }: { partyId: string }) {
  const { t, lang, number, date } = useI18n();
  const [values, setValues] = useState<PopulationFormValues>(empty);
  const [invalid, setInvalid] = useState<Partial<Record<PopulationFormField, MessageKey>>>({});
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [, add] = useMutation(AddPopulationFigureMutation);

  const set = (field: PopulationFormField) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    // A message about the old value would be wrong about the new one.
    setInvalid(({ [field]: _, ...rest }) => rest);
    setError((previous) => withoutField(previous, field));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const read = readPopulationForm(values);
    if (!read.ok) {
      setInvalid(read.errors);
      return;
    }
    setInvalid({});
    setBusy(true);
    const result = await add({ partyId, input: read.input });
    setBusy(false);
    if (result.data?.addPopulationFigure) {
      setValues({ ...empty, source: values.source });
      setStatus(t('population.added', { value: number(read.input.value), date: date(read.input.referenceDate) }));
      return;
    }
    setError(toApiError(result.error));
  }

  const messageFor = (field: PopulationFormField): string | undefined => {
    const local = invalid[field];
    if (local) return t(local);
    const server = fieldError(error, field);
    return server ? fieldErrorMessage(server, t) : undefined;
  };
  const statusOf = (field: PopulationFormField) => (messageFor(field) ? 'error' : 'default');

  return (
    <section className="yp-card" aria-labelledby="population-heading" data-testid="population-form">
      <Heading variant="h2" id="population-heading">
        {t('population.title')}
      </Heading>
      <Paragraph className="yp-muted" mb="s">
        {t('population.intro')}
      </Paragraph>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
        <TextInput
          id="population-value"
          name="value"
          labelText={t('population.value')}
          inputMode="numeric"
          autoComplete="off"
          value={values.value}
          onChange={(v) => set('value')(String(v ?? ''))}
          status={statusOf('value')}
          statusText={messageFor('value')}
        />
        <DateInput
          id="population-date"
          name="referenceDate"
          labelText={t('population.referenceDate')}
          hintText={t('population.referenceDateHint')}
          language={lang}
          datePickerEnabled
          value={values.referenceDate}
          onChange={({ value }) => set('referenceDate')(value)}
          status={statusOf('referenceDate')}
          statusText={messageFor('referenceDate')}
        />
        <Dropdown<FigureStatus>
          id="population-status"
          name="status"
          labelText={t('population.status')}
          value={values.status}
          onChange={(value) => setValues((prev) => ({ ...prev, status: value }))}
        >
          {figureStatuses.map((value) => (
            <DropdownItem key={value} value={value}>
              {figureStatusLabel(t, value)}
            </DropdownItem>
          ))}
        </Dropdown>
        <TextInput
          id="population-source"
          name="source"
          labelText={t('population.source')}
          hintText={t('population.sourceHint')}
          value={values.source}
          onChange={(v) => set('source')(String(v ?? ''))}
          status={statusOf('source')}
          statusText={messageFor('source')}
          fullWidth
        />
        {error && <ErrorAlert error={error} />}
        <div className="yp-actions">
          <SubmitButton busy={busy} busyText={t('population.submitting')}>
            {t('population.submit')}
          </SubmitButton>
        </div>
        <p role="status" className="yp-status" data-testid="population-status">
          {status}
        </p>
      </form>
    </section>
  );
}
