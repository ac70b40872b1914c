import { useEffect, useReducer, useState, type FormEvent } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { Card } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { PartyDetailFieldsFragment } from '../../graphql/generated/graphql';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { ComparePanel } from './ComparePanel';
import { UpdatePartyMutation } from './parties.documents';
import {
  changedMeanwhile,
  currentValues,
  editReducer,
  fieldValue,
  formValues,
  initialEditState,
  isDirty,
  toUpdateInput,
  validatePartyForm,
  type PartyFormField,
  type PartyFormValues,
  type Snapshot,
} from './partyForm';

const snapshotOf = (party: PartyDetailFieldsFragment): Snapshot => ({ version: party.version, values: formValues(party) });

const fields: { field: PartyFormField; label: MessageKey; optional: boolean; lang?: string }[] = [
  { field: 'names.fi', label: 'party.nameFi', optional: false, lang: 'fi' },
  { field: 'names.sv', label: 'party.nameSv', optional: true, lang: 'sv' },
  { field: 'names.en', label: 'party.nameEn', optional: true, lang: 'en' },
  { field: 'subRegion', label: 'party.subRegion', optional: true },
];

/** Who made the latest live change, as far as the page's subscription knows. */
export interface LastChange {
  version: number;
  actorName?: string | undefined;
}

/**
 * The secretariat's form for names and sub-region. It saves against the
 * version it shows; a change by someone else never overwrites what the user
 * typed: it is announced, and a refused save (CONFLICT) offers a choice.
 */
export function PartyEditForm({
  party,
  lastChange,
  onStale,
}: {
  party: PartyDetailFieldsFragment;
  lastChange: LastChange | undefined;
  /** Asks the page to fetch the party again (after CONFLICT the cache may lag the server). */
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(editReducer, snapshotOf(party), initialEditState);
  const [, update] = useMutation(UpdatePartyMutation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const { setInvalid, check, formRef, clear, messageFor } = useFieldErrors<PartyFormField>('edit', error, setError);
  const [status, setStatus] = useState('');
  const { conflict, latest } = state;
  // What the form shows and "apply mine" saves: the newest values with the user's edits over them.
  const values = currentValues(state);

  const { version, subRegion } = party;
  const { fi, sv, en } = party.names;
  useEffect(() => {
    // The cache changed the party (a live event or a refetch): the reducer decides whether the form follows.
    dispatch({ type: 'server', snapshot: { version, values: formValues({ names: { fi, sv, en }, subRegion }) } });
  }, [version, fi, sv, en, subRegion]);

  async function save(expectedVersion: number, input: PartyFormValues) {
    setError(undefined);
    setStatus('');
    if (!check(validatePartyForm(input))) return;
    setBusy(true);
    const result = await update({ id: party.id, expectedVersion, input: toUpdateInput(input) });
    setBusy(false);
    const saved = result.data?.updateParty;
    if (saved) {
      dispatch({ type: 'saved', snapshot: snapshotOf(saved) });
      setStatus(t('edit.saved', { version: saved.version }));
      return;
    }
    const apiError = toApiError(result.error);
    if (apiError?.code === 'CONFLICT') {
      dispatch({ type: 'conflict', currentVersion: apiError.currentVersion ?? latest.version });
      onStale();
      return;
    }
    setError(apiError);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isDirty(state)) {
      setStatus(t('edit.noChanges'));
      return;
    }
    void save(state.base.version, values);
  }

  function onEdit(field: PartyFormField, value: string) {
    dispatch({ type: 'edit', field, value });
    // A message about the old value would be wrong about the new one.
    clear(field);
  }

  const keepTheirs = () => {
    dispatch({ type: 'reset', snapshot: state.latest });
    setError(undefined);
    setInvalid({});
  };

  const remoteBy = lastChange?.version === latest.version ? lastChange.actorName : undefined;
  // Both panels set the server's values beside the user's, and may put the server's back in the form.
  const compare = { theirs: latest.values, mine: values, onKeepTheirs: keepTheirs };

  return (
    <Card headingId="edit-heading" title={t('edit.title')} testId="party-edit">
      <Paragraph className="yp-muted" mb="s">
        {t('edit.intro', { version: state.base.version })}
      </Paragraph>

      {conflict ? (
        <ComparePanel
          status="error"
          title={t('edit.conflictTitle')}
          {...compare}
          onApplyMine={() => void save(latest.version, values)}
          // Until the refetch brings the version the server named, "theirs" is not yet what the server has.
          busy={busy || latest.version < conflict.currentVersion}
          testId="conflict"
        >
          {t('edit.conflictBody', { base: conflict.attemptedBase, version: Math.max(conflict.currentVersion, latest.version) })}
        </ComparePanel>
      ) : (
        changedMeanwhile(state) && (
          <ComparePanel status="warning" title={t('edit.remoteTitle')} {...compare} testId="remote-change">
            {remoteBy ? t('edit.remoteBy', { actor: remoteBy }) : t('edit.remoteAnonymous')}
          </ComparePanel>
        )
      )}

      <form ref={formRef} onSubmit={onSubmit} noValidate className="yp-form">
        {fields.map(({ field, label, optional, lang }) => (
          <TextField
            key={field}
            id={`edit-${field.replace('.', '-')}`}
            name={field}
            label={t(label)}
            optionalText={optional ? t('edit.optional') : undefined}
            value={fieldValue(values, field)}
            onChange={(value) => onEdit(field, value)}
            error={messageFor(field)}
            lang={lang}
            fullWidth
          />
        ))}
        <FormFooter
          error={error}
          busy={busy}
          busyText={t('edit.saving')}
          label={t('edit.save')}
          actions={
            <Button variant="secondary" onClick={keepTheirs} disabled={busy || !isDirty(state)}>
              {t('edit.cancel')}
            </Button>
          }
          status={status}
          statusTestId="edit-status"
        />
      </form>
    </Card>
  );
}
