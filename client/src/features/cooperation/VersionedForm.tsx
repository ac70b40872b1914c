import type { ReactNode } from 'react';
import { Button } from 'suomifi-ui-components';
import { Card, type CardProps } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { useI18n } from '../../i18n/useI18n';
import type { VersionedFormState, VersionedSave } from './useVersionedSave';

/** The line under such a form's heading while it edits: the version the save will be checked against. */
function EditingVersion({ save }: { save: VersionedSave }) {
  const { t } = useI18n();
  return <p className="yp-muted">{t('coop.form.editing', { version: save.baseVersion })}</p>;
}

/** The end of such a form: the error (with what saving again does after a CONFLICT), the submit button and the status line. */
function SaveFooter({
  save,
  label,
  statusTestId,
  actions,
}: {
  save: VersionedSave;
  label: string;
  statusTestId: string;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <FormFooter
      error={save.error}
      errorHint={save.error?.code === 'CONFLICT' && <p>{t('coop.form.conflictHint')}</p>}
      busy={save.busy}
      busyText={t('edit.saving')}
      label={label}
      actions={actions}
      status={save.status}
      statusTestId={statusTestId}
    />
  );
}

/**
 * A form that creates a record or edits it against a version (useVersionedForm's `form`), in its card, whose
 * heading is `<form.id>-heading` unless `headingId` says another: while it edits, the version under the heading;
 * then the fields and SaveFooter, whose status line is `<testId>-status`. Submitting calls `onSave` (the
 * browser's own checks are off: the form says what is wrong).
 */
export function VersionedForm({
  form: { id, save, editing, errors },
  onSave,
  submitLabel,
  formClassName = 'yp-form yp-coop-form',
  onCancel,
  headingId = `${id}-heading`,
  children,
  ...card
}: Omit<CardProps, 'testId' | 'headingId' | 'actions'> & {
  testId: string;
  headingId?: string;
  form: VersionedFormState;
  onSave: () => Promise<void>;
  submitLabel: string;
  /** Default 'yp-form yp-coop-form'. */
  formClassName?: string;
  /** Given, a cancel button beside the submit button calls it. */
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const actions = onCancel && (
    <Button variant="secondary" onClick={onCancel}>
      {t('coop.form.cancel')}
    </Button>
  );
  return (
    <Card headingId={headingId} {...card}>
      {editing && <EditingVersion save={save} />}
      <form
        ref={errors.formRef}
        onSubmit={(event) => {
          event.preventDefault();
          void onSave();
        }}
        className={formClassName}
        noValidate
      >
        {children}
        <SaveFooter save={save} label={submitLabel} statusTestId={`${card.testId}-status`} actions={actions} />
      </form>
    </Card>
  );
}
