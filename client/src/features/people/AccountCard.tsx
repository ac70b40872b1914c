import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InlineConfirm } from '../../components/InlineConfirm';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { PersonAccountFieldsFragment, Role } from '../../graphql/generated/graphql';
import { roleLabel } from '../../i18n/enumLabels';
import { accountStatusLabel } from './people.labels';
import { formatDateTime } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import type { ShownLink } from './LinkPanel';
import {
  CancelInvitationMutation,
  DeactivateUserMutation,
  ReactivateUserMutation,
  SendPasswordResetLinkMutation,
  SetUserRolesMutation,
} from './people.documents';
import { RoleCheckboxes } from './RoleCheckboxes';

/** The card's button that ends an account: deactivating it, or for an invitation not yet accepted, cancelling that. */
type ShutAction = 'deactivate' | 'cancel-invitation';

/** That act on one account: its button's word, its question, the word that keeps things as they are, what it sends and says. */
interface Shut {
  action: ShutAction;
  label: string;
  question: string;
  keep: string;
  send: () => Promise<{ data?: object; error?: Parameters<typeof toApiError>[0] }>;
  done: string;
}

/**
 * One account on the people page: who, party, roles, status, a pending link; deactivate (after an inline question:
 * it ends the person's sessions and API tokens) or, while the account is invited, cancel the invitation in its place
 * (its link ends and the account is deactivated), reactivate, a new link, roles. After one of those, `onStatus` gets
 * the words and the button the keyboard goes to (the one that took the pressed one's place). `onStale` reloads the
 * list when the server says the account is no longer as shown (an invitation accepted meanwhile).
 */
export function AccountCard({
  account,
  isMe,
  onStatus,
  onStale,
  onLink,
}: {
  account: PersonAccountFieldsFragment;
  isMe: boolean;
  onStatus: (message: string, focus?: { action: ShutAction | 'reactivate' }) => void;
  onStale: () => void;
  onLink: (link: ShownLink) => void;
}) {
  const { t, lang, name: localName } = useI18n();
  const [, deactivate] = useMutation(DeactivateUserMutation);
  const [, cancelInvitation] = useMutation(CancelInvitationMutation);
  const [, reactivate] = useMutation(ReactivateUserMutation);
  const [, sendLink] = useMutation(SendPasswordResetLinkMutation);
  const [, setRoles] = useMutation(SetUserRolesMutation);
  const [editing, setEditing] = useState(false);
  const [roles, setDraft] = useState<Role[]>([...account.roles]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // Which act's question is open: none once the account's status no longer offers that act.
  const [confirming, setConfirming] = useState<ShutAction>();
  const refusalRef = useRef<HTMLParagraphElement>(null);
  const confirmId = useId();
  const name = account.displayName;
  const headingId = `account-${account.id}`;
  // The keyboard follows the role editor: into its first box when it opens, back to its button when it closes.
  const card = useRef<HTMLLIElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) card.current?.querySelector<HTMLInputElement>('.yp-account__roles input')?.focus();
    else if (wasEditing.current) focusAction('edit-roles');
    wasEditing.current = editing;
  }, [editing]);

  // A refused cancellation takes away the question the keyboard was on: it goes to the words that say why.
  useEffect(() => {
    if (error?.reason === 'NOT_INVITED') refusalRef.current?.focus();
  }, [error]);

  function focusAction(action: string) {
    card.current?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.focus();
  }

  async function run<T>(
    work: () => Promise<{ data?: T; error?: Parameters<typeof toApiError>[0] }>,
    done: (data: T) => void,
    failed?: (error: ApiError) => void,
  ) {
    setError(undefined);
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.data) return done(result.data);
    const refused = toApiError(result.error);
    setError(refused);
    if (refused) failed?.(refused);
  }

  /** One of the card's buttons: its name says whose account ("Poista käytöstä: Maija"), disabled while any of them works. */
  const actionButton = (label: string, onClick: () => unknown, action?: string, expands?: boolean) => (
    <Button
      variant="secondary"
      data-action={action}
      disabled={busy}
      aria-expanded={expands === undefined ? undefined : expands}
      aria-controls={expands ? confirmId : undefined}
      aria-label={t('people.actionNamed', { action: label, name })}
      onClick={() => void onClick()}
    >
      {label}
    </Button>
  );

  const refusal =
    error?.reason === 'LAST_SECRETARIAT'
      ? t('people.lastSecretariat')
      : error?.reason === 'NOT_INVITED'
        ? t('people.notInvited', { name })
        : error?.fields?.roles === 'A party representative must have a party'
          ? t('people.representativeNeedsParty')
          : undefined;
  const status = account.status ?? 'ACTIVE';
  // An invitation not yet accepted is cancelled rather than deactivated: the server refuses it for any other
  // account, so a person who accepts meanwhile is never deactivated by a press meant for their invitation.
  const shut: Shut =
    status === 'INVITED'
      ? {
          action: 'cancel-invitation',
          label: t('people.cancelInvitation'),
          question: t('people.cancelInvitationConfirm', { name }),
          keep: t('people.keepInvitation'),
          send: () => cancelInvitation({ userId: account.id }),
          done: t('people.invitationCancelled', { name }),
        }
      : {
          action: 'deactivate',
          label: t('people.deactivate'),
          question: t('people.deactivateConfirm', { name }),
          keep: t('people.cancel'),
          send: () => deactivate({ id: account.id }),
          done: t('people.deactivated', { name }),
        };
  return (
    <li
      ref={card}
      className="yp-card yp-account"
      aria-labelledby={headingId}
      data-testid="account"
      data-id={account.id}
      data-email={account.email ?? ''}
      data-status={status}
    >
      <div className="yp-account__who">
        <h3 id={headingId} className="yp-account__name">
          {name} {isMe && <span className="yp-muted">{t('people.you')}</span>}
        </h3>
        <p className="yp-account__email">{account.email}</p>
        <p>
          {account.party ? localName(account.party.names) : t('people.noParty')} ·{' '}
          {account.roles.length ? account.roles.map((r) => roleLabel(t, r)).join(', ') : t('people.noRoles')}
        </p>
        <p>
          <span className={`yp-account__status yp-account__status--${status.toLowerCase()}`}>
            {accountStatusLabel(t, status)}
          </span>
          {account.pendingLink && (
            <span className="yp-muted">
              {' '}
              ·{' '}
              {t(`people.pending${account.pendingLink.kind}`, {
                time: formatDateTime(account.pendingLink.expiresAt as string, lang),
              })}
            </span>
          )}
        </p>
      </div>
      {editing ? (
        <form
          className="yp-form yp-account__roles"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => setRoles({ id: account.id, expectedVersion: account.version, roles }),
              () => {
                setEditing(false);
                onStatus(t('people.rolesSaved', { name }));
              },
            );
          }}
        >
          <RoleCheckboxes
            id={`roles-${account.id}`}
            legend={t('people.rolesLegend', { name })}
            value={roles}
            onChange={setDraft}
          />
          <div className="yp-actions">
            <Button type="submit" disabled={busy}>
              {t('people.saveRoles')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('people.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="yp-actions yp-account__actions">
          {actionButton(t('people.editRoles'), () => (setDraft([...account.roles]), setEditing(true)), 'edit-roles')}
          {status !== 'DEACTIVATED' &&
            actionButton(
              status === 'INVITED' ? t('people.resendInvite') : t('people.resetLink'),
              () =>
                run(
                  () => sendLink({ userId: account.id }),
                  (d) =>
                    onLink({
                      name,
                      link: d.sendPasswordResetLink.link,
                      expiresAt: d.sendPasswordResetLink.expiresAt as string,
                      emailed: d.sendPasswordResetLink.emailed,
                    }),
                ),
              'send-link',
            )}
          {status === 'DEACTIVATED'
            ? actionButton(
                t('people.reactivate'),
                () =>
                  run(
                    () => reactivate({ id: account.id }),
                    // One never accepted is invited again: its button is "Peru kutsu".
                    (d) =>
                      onStatus(t('people.reactivated', { name }), {
                        action: d.reactivateUser.status === 'INVITED' ? 'cancel-invitation' : 'deactivate',
                      }),
                  ),
                'reactivate',
              )
            : !isMe &&
              actionButton(
                shut.label,
                () => (setError(undefined), setConfirming(confirming ? undefined : shut.action)),
                shut.action,
                confirming === shut.action,
              )}
        </div>
      )}
      {confirming === shut.action && status !== 'DEACTIVATED' && (
        <InlineConfirm
          id={confirmId}
          testId={`${shut.action}-confirm`}
          question={shut.question}
          confirmLabel={shut.label}
          cancelLabel={shut.keep}
          busy={busy}
          onConfirm={() =>
            void run(
              shut.send,
              () => {
                setConfirming(undefined);
                onStatus(shut.done, { action: 'reactivate' });
              },
              (refused) => {
                if (refused.reason !== 'NOT_INVITED') return;
                // Accepted (or cancelled) elsewhere meanwhile: the question goes and the card shows the account as
                // it is now (the keyboard goes to the words that say why, above).
                setConfirming(undefined);
                onStale();
              },
            )
          }
          onCancel={() => {
            setConfirming(undefined);
            focusAction(shut.action);
          }}
        />
      )}
      {error &&
        (refusal ? (
          <p className="yp-error-text" role="alert" tabIndex={-1} ref={refusalRef}>
            {refusal}
          </p>
        ) : (
          <ErrorAlert error={error} />
        ))}
    </li>
  );
}
