import { useState, type FormEvent } from 'react';
import { Paragraph } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { Card } from '../../components/Card';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import type { FigureStatus } from '../../graphql/generated/graphql';
import { figureStatuses, figureStatusLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import { AddPopulationFigureMutation } from './parties.documents';
import { readPopulationForm, type PopulationFormField, type PopulationFormValues } from './populationForm';

const empty: PopulationFormValues = { value: '', referenceDate: '', status: 'FINAL', source: '' };

/** The secretariat's form to record a population figure (value, date, status, source). */
export function AddPopulationForm({ partyId }: { partyId: string }) {
  const { t, number, date } = useI18n();
  const [values, setValues] = useState<PopulationFormValues>(empty);
  const { error, setError, busy, submit } = useSubmission();
  const [status, setStatus] = useState('');
  const [, add] = useMutation(AddPopulationFigureMutation);
  const { setInvalid, check, formRef, clear, messageFor } = useFieldErrors<PopulationFormField>('population', error, setError);

  const set = (field: PopulationFormField) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    // A message about the old value would be wrong about the new one.
    clear(field);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const read = readPopulationForm(values);
    if (!read.ok) {
      check(read.errors);
      return;
    }
    setInvalid({});
    const added = await submit(
      () => add({ partyId, input: read.input }),
      (data) => data.addPopulationFigure,
    );
    if (!added) return;
    setValues({ ...empty, source: values.source });
    setStatus(t('population.added', { value: number(read.input.value), date: date(read.input.referenceDate) }));
  }

  return (
    <Card headingId="population-heading" title={t('population.title')} testId="population-form">
      <Paragraph className="yp-muted" mb="s">
        {t('population.intro')}
      </Paragraph>
      <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
        <TextField
          id="population-value"
          name="value"
          label={t('population.value')}
          inputMode="numeric"
          autoComplete="off"
          value={values.value}
          onChange={set('value')}
          error={messageFor('value')}
        />
        <DateField
          id="population-date"
          name="referenceDate"
          label={t('population.referenceDate')}
          value={values.referenceDate}
          onChange={set('referenceDate')}
          error={messageFor('referenceDate')}
        />
        <SelectField<FigureStatus>
          id="population-status"
          name="status"
          label={t('population.status')}
          value={values.status}
          options={figureStatuses.map((value) => ({ value, label: figureStatusLabel(t, value) }))}
          onChange={(status) => status && setValues((prev) => ({ ...prev, status }))}
        />
        <TextField
          id="population-source"
          name="source"
          label={t('population.source')}
          hint={t('population.sourceHint')}
          value={values.source}
          onChange={set('source')}
          error={messageFor('source')}
          fullWidth
        />
        <FormFooter
          error={error}
          busy={busy}
          busyText={t('population.submitting')}
          label={t('population.submit')}
          status={status}
          statusTestId="population-status"
        />
      </form>
    </Card>
  );
}
