import './people.messages';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Paragraph } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { useUrlFilters } from '../../components/useUrlFilters';
import { toApiError } from '../../graphql/errors';
import type { AccountStatus, Role } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { roleLabel } from '../../i18n/enumLabels';
import { accountStatuses, accountStatusLabel } from './people.labels';
import { useI18n } from '../../i18n/useI18n';
import { Section } from '../../components/Card';
import { SecretariatOnly } from '../auth/SecretariatOnly';
import { useCurrentUser } from '../auth/useCurrentUser';
import { AccountCard } from './AccountCard';
import { InviteForm } from './InviteForm';
import { LinkPanel, type ShownLink } from './LinkPanel';
import { PeopleChoicesQuery, PeopleQuery } from './people.documents';
import { ALL_ROLES } from './RoleCheckboxes';
import './people.css';

/** The URL parameters that filter the accounts. */
type FilterKey = 'party' | 'role' | 'status';

/** /people: the secretariat invites people, filters accounts by party, role and status, and administers them (issue 12). */
export function PeoplePage() {
  const { t } = useI18n();
  return (
    <SecretariatOnly title={t('people.title')} message={t('people.secretariatOnly')} testId="people-secretariat-only">
      <PeopleAdministration />
    </SecretariatOnly>
  );
}

function PeopleAdministration() {
  const { t, name } = useI18n();
  const { user } = useCurrentUser();
  const [{ data: choices }] = useQuery({ query: PeopleChoicesQuery });
  const rules = useMemo(
    () => ({
      party: { id: true, values: choices?.parties.map((p) => p.id) },
      role: { values: ALL_ROLES },
      status: { values: accountStatuses },
    }),
    [choices],
  );
  const { params, setParams, pending, notice } = useUrlFilters(rules);
  const partyId = params.get('party') ?? '';
  const role = (params.get('role') ?? '') as Role | '';
  const status = (params.get('status') ?? '') as AccountStatus | '';
  const filter = useMemo(
    () => ({ partyId: partyId || null, role: role || null, status: status || null }),
    [partyId, role, status],
  );
  const [{ data, error }, reexecute] = useQuery({ query: PeopleQuery, variables: { filter }, pause: pending });
  useRefetchOnReconnect(reexecute);
  const [shown, setShown] = useState<ShownLink>();
  // Who opened the link panel (an account's card, or the invite form when absent) and, once it closes, where the
  // keyboard goes back to: the card's link button, else the invite form's heading. The pressed "Sulje" is gone.
  // After (de)activating, the card's button that took the pressed one's place, else (the card left the filtered
  // list) the status line that says what was done.
  const [opener, setOpener] = useState<string>();
  const [back, setBack] = useState<{ to: 'invite' | 'status' } | { to: 'account'; id: string; action: string }>();
  const [message, setMessage] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  useEffect(() => {
    if (shown || !back) return;
    if (back.to === 'status') {
      statusLine.current?.focus();
      return setBack(undefined);
    }
    if (back.to !== 'account') return;
    const card = document.querySelector(`[data-testid="account"][data-id="${CSS.escape(back.id)}"]`);
    const button = card?.querySelector<HTMLButtonElement>(`[data-action="${back.action}"]:not(:disabled)`);
    if (button) {
      button.focus();
      setBack(undefined);
    } else if (!card) setBack({ to: back.action === 'send-link' ? 'invite' : 'status' });
    // Until then the card shows its old buttons: the list's answer (data) moves it on.
  }, [shown, back, data]);

  const setFilter = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const parties: SelectOption[] = (choices?.parties ?? []).map((p) => ({ value: p.id, label: name(p.names) }));
  /** The list's filters, each the URL parameter of its key, in the order shown. */
  const filterFields: { key: FilterKey; options: readonly SelectOption[] }[] = [
    { key: 'party', options: parties },
    { key: 'role', options: ALL_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) })) },
    { key: 'status', options: accountStatuses.map((s) => ({ value: s, label: accountStatusLabel(t, s) })) },
  ];
  const bodies: SelectOption[] = (choices?.cooperationBodies ?? []).map((b) => ({ value: b.id, label: name(b.names) }));

  return (
    <>
      <PageHeading title={t('people.title')}>{t('people.title')}</PageHeading>
      <p className="yp-lead">{t('people.intro')}</p>
      {shown ? (
        <LinkPanel
          shown={shown}
          onDismiss={() => {
            setShown(undefined);
            setBack(opener ? { to: 'account', id: opener, action: 'send-link' } : { to: 'invite' });
          }}
        />
      ) : (
        <InviteForm
          parties={parties}
          bodies={bodies}
          focusKey={back?.to === 'invite' ? 'back' : undefined}
          onInvited={(link) => {
            // The link panel's heading (which takes the focus) says whose link it is: not the status line too.
            setMessage('');
            setOpener(undefined);
            setBack(undefined);
            setShown(link);
            refresh();
          }}
        />
      )}
      <Section headingId="people-list-heading" title={t('people.listTitle')} className="yp-mt-m">
        <div className="yp-people-filters" role="group" aria-label={t('people.filtersLabel')}>
          {filterFields.map((field) => (
            <SelectField
              key={field.key}
              id={`people-filter-${field.key}`}
              label={t(`people.filter.${field.key}`)}
              value={params.get(field.key) ?? ''}
              options={field.options}
              onChange={(v) => setFilter(field.key, v)}
              emptyLabel={t('people.filter.all')}
              testId={`filter-${field.key}`}
            />
          ))}
        </div>
        {notice}
        <p role="status" className="yp-status" data-testid="people-status" tabIndex={-1} ref={statusLine}>
          {message}
        </p>
        {!data ? (
          <PageLoadingOrError error={toApiError(error)} onRetry={refresh} />
        ) : data.users.length === 0 ? (
          <Paragraph>{t('people.none')}</Paragraph>
        ) : (
          <>
            <p className="yp-muted">{t('people.count', { count: data.users.length })}</p>
            <ul className="yp-accounts" data-testid="accounts">
              {data.users.map((account) => (
                <AccountCard
                  key={account.id}
                  account={account}
                  isMe={account.id === user?.id}
                  onStatus={(text, focus) => {
                    setMessage(text);
                    // A status filter the new status does not match takes the card out of the list: the status line then.
                    const leaves = status !== '' && (focus?.action === 'reactivate') !== (status === 'DEACTIVATED');
                    if (focus) setBack(leaves ? { to: 'status' } : { to: 'account', id: account.id, action: focus.action });
                    refresh();
                  }}
                  onStale={refresh}
                  onLink={(link) => {
                    setMessage('');
                    setOpener(account.id);
                    setBack(undefined);
                    setShown(link);
                    refresh();
                    window.scrollTo({ top: 0 });
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
