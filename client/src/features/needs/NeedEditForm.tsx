import { useEffect, useMemo, useReducer, useRef, useState, type FormEvent } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { Card } from '../../components/Card';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { DataTable } from '../../components/DataTable';
import { useFieldErrors } from '../../components/useFieldErrors';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { NeedDetailFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { NeedOptionsQuery, UpdateNeedMutation } from './needs.documents';
import { fieldLabel } from './needs.labels';
import { NeedFormFields } from './NeedFormFields';
import {
  changedMeanwhile,
  currentValues,
  editedFields,
  editReducer,
  formValues,
  initialEditState,
  needFormFields,
  sameField,
  toUpdateInput,
  validateNeedForm,
  type NeedFormField,
  type NeedFormValues,
} from './needForm';

const API_FIELD: Record<NeedFormField, string> = {
  title: 'title',
  summary: 'summary',
  priority: 'priority',
  targetGroups: 'targetGroups',
  themeCodes: 'themes',
  municipalityIds: 'municipalities',
  partyIds: 'otherParties',
  ownerBodyId: 'ownerBody',
  legalBasis: 'legalBasis',
  estimatedResidents: 'estimatedResidents',
};

/** Their values beside the user's, for the fields that differ; the choices below. */
function Compare({
  theirs,
  mine,
  show,
}: {
  theirs: NeedFormValues;
  mine: NeedFormValues;
  show: (f: NeedFormField, v: NeedFormValues) => string;
}) {
  const { t } = useI18n();
  const differing = needFormFields.filter((f) => !sameField(theirs, mine, f));
  return (
    <DataTable
      caption={t('edit.compareCaption')}
      captionHidden
      columns={[t('need.field'), t('need.theirs'), t('need.mine')]}
      compact
    >
      {differing.map((f) => (
        <tr key={f} className="yp-row--differs" data-field={f}>
          <th scope="row">{fieldLabel(t, API_FIELD[f])}</th>
          <td data-testid={`theirs-${f}`}>{show(f, theirs)}</td>
          <td data-testid={`mine-${f}`}>
            <strong>{show(f, mine)}</strong>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Edits a need against the version it shows. Someone else's save never
 * overwrites what the user typed: it is announced, and a refused save
 * (CONFLICT) shows both and re-applies the user's changes in one step.
 */
export function NeedEditForm({
  need,
  onStale,
  onDone,
}: {
  need: NeedDetailFieldsFragment;
  onStale: () => void;
  onDone: () => void;
}) {
  const { t, name } = useI18n();
  const snapshot = useMemo(() => ({ version: need.version, values: formValues(need) }), [need]);
  const [state, dispatch] = useReducer(editReducer, snapshot, initialEditState);
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const [, update] = useMutation(UpdateNeedMutation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const { setInvalid, check, refused, formRef, messageFor } = useFieldErrors<NeedFormField>('need-edit', error, setError);
  const [status, setStatus] = useState('');
  const values = currentValues(state);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflictKey = state.conflict ? `${state.conflict.attemptedBase}:${state.conflict.currentVersion}` : '';

  useEffect(() => dispatch({ type: 'server', snapshot }), [snapshot]);
  // A refused save shows the notice above the form, out of sight: the keyboard (and the view) go to it.
  useEffect(() => {
    if (conflictKey) conflictRef.current?.focus();
  }, [conflictKey]);

  const show = (f: NeedFormField, v: NeedFormValues): string => {
    const parties = new Map((options?.parties ?? []).map((p) => [p.id, name(p.names)]));
    const themes = new Map((options?.themes ?? []).map((th) => [th.code, name(th.names)]));
    const bodies = new Map((options?.cooperationBodies ?? []).map((b) => [b.id, name(b.names)]));
    const value = v[f];
    if (f === 'municipalityIds' || f === 'partyIds')
      return (value as string[]).map((id) => parties.get(id) ?? id).join(', ') || '–';
    if (f === 'ownerBodyId') return bodies.get(value as string) ?? '–';
    if (f === 'themeCodes') return (value as string[]).map((c) => themes.get(c) ?? c).join(', ') || '–';
    return Array.isArray(value) ? value.join(', ') || '–' : value.trim() || '–';
  };

  async function save(expectedVersion: number) {
    const valid = check(validateNeedForm(values));
    setError(undefined);
    setStatus('');
    if (!valid) return;
    const fields = editedFields(state);
    if (fields.length === 0) return onDone();
    setBusy(true);
    const result = await update({ id: need.id, expectedVersion, input: toUpdateInput(values, fields) });
    setBusy(false);
    const saved = result.data?.updateServiceNeed;
    if (saved) {
      dispatch({ type: 'reset', snapshot: { version: saved.version, values: formValues(saved) } });
      setStatus(t('need.saved', { version: saved.version }));
      onDone();
      return;
    }
    const apiError = toApiError(result.error);
    if (apiError?.code === 'CONFLICT') {
      dispatch({ type: 'conflict', currentVersion: apiError.currentVersion ?? state.latest.version });
      onStale();
      return;
    }
    setError(apiError);
    refused();
  }

  const keepTheirs = () => {
    dispatch({ type: 'reset', snapshot: state.latest });
    setError(undefined);
    onDone();
  };
  const conflict = state.conflict;

  return (
    <Card headingId="need-edit-heading" title={t('need.edit')} testId="need-edit" focusKey="need-edit">
      {conflict ? (
        <div className="yp-compare" data-testid="conflict" tabIndex={-1} ref={conflictRef}>
          <InlineAlert status="error" labelText={t('need.conflictTitle')} role="alert">
            {t('need.conflictBody', {
              base: conflict.attemptedBase,
              version: Math.max(conflict.currentVersion, state.latest.version),
            })}
          </InlineAlert>
          <Compare theirs={state.latest.values} mine={values} show={show} />
          <div className="yp-actions">
            <Button variant="secondary" onClick={keepTheirs} disabled={busy}>
              {t('need.keepTheirs')}
            </Button>
            <Button
              onClick={() => void save(state.latest.version)}
              disabled={busy || state.latest.version < conflict.currentVersion}
              data-testid="apply-mine"
            >
              {t('need.applyMine')}
            </Button>
          </div>
        </div>
      ) : (
        changedMeanwhile(state) && (
          <div className="yp-compare" data-testid="remote-change">
            <InlineAlert status="warning" labelText={t('need.remoteTitle')}>
              {t('need.remoteBody')}
            </InlineAlert>
          </div>
        )
      )}
      <form
        ref={formRef}
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(state.base.version);
        }}
      >
        <NeedFormFields
          idPrefix="need-edit"
          values={values}
          options={options}
          messageFor={messageFor}
          onEdit={(field, value) => {
            dispatch({ type: 'edit', field, value });
            setInvalid(({ [field]: _, ...rest }) => rest);
          }}
        />
        {error && <ErrorAlert error={error} />}
        <div className="yp-actions">
          <SubmitButton busy={busy} busyText={t('edit.saving')} testId="need-save">
            {t('need.save')}
          </SubmitButton>
          <Button variant="secondary" onClick={keepTheirs} disabled={busy}>
            {t('need.cancel')}
          </Button>
        </div>
        <p role="status" className="yp-status">
          {status}
        </p>
      </form>
    </Card>
  );
}
