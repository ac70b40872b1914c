import './needs.messages';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusFirstInvalid } from '../../components/focusFirstInvalid';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { toApiError, type ApiError } from '../../graphql/errors';
import { serverFieldMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { BackLink } from '../../components/BackLink';
import type { CurrentUser } from '../auth/CurrentUserProvider';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CreateNeedMutation, NeedOptionsQuery } from './needs.documents';
import { useMayRecordNeeds } from './needsAccess';
import { NeedFormFields } from './NeedFormFields';
import {
  emptyNeedForm,
  toCreateInput,
  validateNeedForm,
  type NeedFormField,
  type NeedFormProblem,
  type NeedFormValues,
} from './needForm';
import './needForm.css';

/**
 * /needs/new: records a need (IDENTIFIED); a representative's own party is ticked to begin with. Whoever may
 * not record needs (the server's `viewerCan.recordServiceNeed`; the register offers them no link here) gets a
 * notice saying who may, not a form the server would refuse.
 */
export function NeedCreatePage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { mayRecord, error, retry } = useMayRecordNeeds();
  return (
    <>
      <BackLink to="/needs">{t('need.back')}</BackLink>
      <PageHeading title={t('need.create')}>{t('need.create')}</PageHeading>
      {user && mayRecord ? (
        <NeedCreateForm user={user} />
      ) : mayRecord === false ? (
        <InlineAlert status="warning" data-testid="need-create-forbidden">
          {t('need.createForbidden')}
        </InlineAlert>
      ) : error ? (
        <PageError error={error} onRetry={retry} />
      ) : (
        <PageLoading />
      )}
    </>
  );
}

function NeedCreateForm({ user }: { user: CurrentUser }) {
  const { t, name, lang } = useI18n();
  const navigate = useNavigate();
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const own = options?.parties.find((p) => p.id === user.party?.id);
  const [values, setValues] = useState<NeedFormValues | undefined>();
  const current: NeedFormValues = values ?? {
    ...emptyNeedForm,
    ...(own ? (own.kind === 'MUNICIPALITY' ? { municipalityIds: [own.id] } : { partyIds: [own.id] }) : {}),
  };
  const [invalid, setInvalid] = useState<Partial<Record<NeedFormField, NeedFormProblem>>>({});
  const { formRef, focusInvalid } = useFocusFirstInvalid();
  // The secretariat records any need; a representative one that concerns their own party.
  const ownPartyRule = user.party && !user.roles.includes('SECRETARIAT') ? user.party : undefined;
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [, create] = useMutation(CreateNeedMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = validateNeedForm(current, ownPartyRule?.id);
    setInvalid(problems);
    if (Object.keys(problems).length) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await create({ input: toCreateInput(current) });
    setBusy(false);
    const need = result.data?.createServiceNeed;
    if (need) navigate(`/needs/${need.id}`);
    else {
      setError(toApiError(result.error));
      // Refused: the keyboard goes to the first field the server marked (none marked: it stays on the button).
      focusInvalid();
    }
  }

  const messageFor = (field: NeedFormField) => {
    const local = invalid[field];
    if (typeof local === 'object') return t(local.key, local.values);
    if (local) return t(local, { party: ownPartyRule ? name(ownPartyRule.names) : '' });
    return serverFieldMessage(error, field, t, lang);
  };

  return (
    <>
      <p className="yp-lead">{t('need.createIntro')}</p>
      <form ref={formRef} className="yp-card" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="need-create">
        <NeedFormFields
          idPrefix="need-create"
          values={current}
          options={options}
          messageFor={messageFor}
          onEdit={(field, value) => setValues({ ...current, [field]: value })}
        />
        {error && <ErrorAlert error={error} />}
        <div className="yp-actions">
          <Button type="submit" disabled={busy} data-testid="need-create-save">
            {t('need.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
