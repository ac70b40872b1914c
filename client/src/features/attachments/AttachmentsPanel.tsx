import './attachments.messages';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { Card } from '../../components/Card';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InlineConfirm } from '../../components/InlineConfirm';
import { SubmitButton } from '../../components/SubmitButton';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { AttachmentFieldsFragment } from '../../graphql/generated/graphql';
import { formatDateTime, locales, type MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import {
  AgreementAttachmentsQuery,
  DeleteAttachmentMutation,
  MeetingItemAttachmentsQuery,
  NeedAttachmentsQuery,
  PublishedAttachmentsQuery,
} from './attachments.documents';
import { formatSize, MAX_BYTES, uploadFile, type UploadFailure } from './upload';
import './attachments.css';

/** The record whose files are shown. */
export type AttachmentTarget =
  | { type: 'SERVICE_NEED'; id: string }
  | { type: 'AGREEMENT'; id: string }
  | { type: 'AGENDA_ITEM'; id: string; meetingId: string };

const FAILURE_TEXT: Record<UploadFailure['kind'], MessageKey> = {
  TOO_LARGE: 'attachments.tooLarge',
  TYPE: 'attachments.badType',
  VIRUS: 'attachments.virus',
  EMPTY: 'attachments.empty',
  FORBIDDEN: 'attachments.forbidden',
  NETWORK: 'attachments.network',
  OTHER: 'attachments.failed',
};

/** The files of one target and what the caller may do, from the query of its type. */
function useTargetFiles(target: AttachmentTarget) {
  const need = useQuery({ query: NeedAttachmentsQuery, variables: { id: target.id }, pause: target.type !== 'SERVICE_NEED' });
  const agreement = useQuery({
    query: AgreementAttachmentsQuery,
    variables: { id: target.id },
    pause: target.type !== 'AGREEMENT',
  });
  const meetingId = target.type === 'AGENDA_ITEM' ? target.meetingId : '';
  const meeting = useQuery({
    query: MeetingItemAttachmentsQuery,
    variables: { id: meetingId },
    pause: target.type !== 'AGENDA_ITEM',
  });
  const [result, reexecute] = target.type === 'SERVICE_NEED' ? need : target.type === 'AGREEMENT' ? agreement : meeting;
  const holder =
    target.type === 'SERVICE_NEED'
      ? need[0].data?.serviceNeed
      : target.type === 'AGREEMENT'
        ? agreement[0].data?.agreement
        : meeting[0].data?.meeting?.agenda.find((i) => i.id === target.id);
  return {
    files: (holder?.attachments ?? []) as AttachmentFieldsFragment[],
    canRead: holder?.attachmentPermissions.read ?? false,
    canUpload: holder?.attachmentPermissions.upload ?? false,
    error: toApiError(result.error),
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/**
 * A record's attachments: the list with download links and, for those who
 * may edit the record, a file input with progress and a delete button per
 * file, which asks first (InlineConfirm). Shown on the need, agreement and
 * meeting (agenda item) pages.
 */
export function AttachmentsPanel({
  target,
  subject,
  headingLevel = 'h2',
}: {
  target: AttachmentTarget;
  /**
   * What the files belong to (the item's, need's or agreement's title): named in the upload controls, so that on a
   * page of several panels each control says whose it is ("Lisää liite: <title>", starting with its visible text).
   */
  subject?: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  const { t, lang } = useI18n();
  const { files, canRead, canUpload, error, refresh } = useTargetFiles(target);
  const [, deleteAttachment] = useMutation(DeleteAttachmentMutation);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<MessageKey>();
  const [deleteError, setDeleteError] = useState<ApiError>();
  // The file whose delete is being asked about, and whether it is being sent.
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  // Counts the deletes answered: after each, the file and its button are gone, so the list's heading takes the focus.
  const [deletesAnswered, setDeletesAnswered] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState('');
  const ids = useId();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    setFailure(undefined);
    const file = input.current?.files?.[0];
    if (!file) return setFailure('attachments.noFile');
    if (file.size > MAX_BYTES) return setFailure('attachments.tooLarge');
    setBusy(true);
    setProgress(0);
    const result = await uploadFile({ targetType: target.type, targetId: target.id }, file, setProgress);
    setBusy(false);
    if (result.ok) {
      setStatus(t('attachments.uploaded', { name: file.name }));
      if (input.current) input.current.value = '';
      setChosen('');
      // The upload goes over HTTP, not GraphQL, and answers with an id only: the list is fetched again.
      refresh();
    } else {
      setFailure(FAILURE_TEXT[result.failure.kind]);
    }
  }

  async function onDelete(file: AttachmentFieldsFragment) {
    setStatus('');
    setDeleteError(undefined);
    setDeleting(true);
    const result = await deleteAttachment({ id: file.id });
    setDeleting(false);
    setConfirming(undefined);
    // The file and its delete button are gone (or, refused, the list is fetched anew): the list's heading takes the
    // focus, and the status message (or the error) says what happened.
    setDeletesAnswered((n) => n + 1);
    // The cache drops the deleted file (client.ts) and the lists holding it fetch themselves again,
    // so the answer reads back empty: success is the absence of an error.
    if (!result.error) return setStatus(t('attachments.deleted', { name: file.name }));
    setDeleteError(toApiError(result.error));
    // Refused (say, someone else deleted it first): show the files as they are now.
    refresh();
  }

  /** Back to the file's delete button: the question was cancelled. */
  function cancelDelete(file: AttachmentFieldsFragment) {
    setConfirming(undefined);
    list.current?.querySelector<HTMLElement>(`[data-attachment-delete="${CSS.escape(file.id)}"]`)?.focus();
  }

  // Whoever may download the files (the server's one rule, `attachmentPermissions.read`) sees the list, empty or
  // not: a need's reader learns there are none yet, and sees them arrive live. Only an agenda item without files
  // and nothing to do stays out of sight: no empty heading on every item.
  const shown = target.type === 'AGENDA_ITEM' ? files.length > 0 || canUpload : canRead || files.length > 0;
  if (!shown && !error && !status) return null;
  return (
    <Card
      headingId={`${ids}-heading`}
      title={t('attachments.title')}
      level={headingLevel}
      className="yp-attachments yp-card"
      testId="attachments"
      focusKey={deletesAnswered > 0 ? String(deletesAnswered) : undefined}
    >
      {error && <ErrorAlert error={error} />}
      {files.length === 0 ? (
        <p className="yp-meta">{t('attachments.none')}</p>
      ) : (
        <ul className="yp-attachments-list" ref={list}>
          {files.map((f) => (
            <li key={f.id} data-testid="attachment">
              <a className="yp-link" href={f.downloadUrl} download={f.name}>
                {f.name}
              </a>{' '}
              <span className="yp-meta">
                ({formatSize(f.size, locales[lang])}){' '}
                {f.createdBy &&
                  t('attachments.addedBy', { name: f.createdBy.displayName, time: formatDateTime(f.createdAt as string, lang) })}
              </span>
              {canUpload && (
                <Button
                  variant="secondaryNoBorder"
                  className="yp-attachment-delete"
                  aria-label={t('attachments.deleteLabel', { name: f.name })}
                  aria-expanded={confirming === f.id}
                  aria-controls={confirming === f.id ? `${ids}-confirm-${f.id}` : undefined}
                  data-attachment-delete={f.id}
                  onClick={() => {
                    setDeleteError(undefined);
                    setConfirming(confirming === f.id ? undefined : f.id);
                  }}
                >
                  {t('attachments.delete')}
                </Button>
              )}
              {canUpload && confirming === f.id && (
                <InlineConfirm
                  id={`${ids}-confirm-${f.id}`}
                  testId="attachment-delete-confirm"
                  question={t('attachments.deleteConfirm', { name: f.name })}
                  confirmLabel={t('attachments.confirmDelete')}
                  cancelLabel={t('attachments.cancel')}
                  busy={deleting}
                  onConfirm={() => void onDelete(f)}
                  onCancel={() => cancelDelete(f)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {deleteError && <ErrorAlert error={deleteError} />}
      {canUpload && (
        <form className="yp-attachment-form" onSubmit={(e) => void onSubmit(e)} aria-busy={busy}>
          {/* The browser's own file button speaks the browser's language, not the page's: it stays for
              keyboards and screen readers (focusable, named by the label) but the label is what shows. */}
          <div className="yp-file-field">
            <input
              ref={input}
              id={`${ids}-file`}
              name="file"
              type="file"
              className="yp-visually-hidden"
              aria-label={subject ? t('attachments.chooseFor', { subject }) : undefined}
              aria-describedby={`${ids}-chosen ${ids}-hint`}
              disabled={busy}
              onChange={(e) => {
                setFailure(undefined);
                setChosen(e.target.files?.[0]?.name ?? '');
              }}
            />
            <label htmlFor={`${ids}-file`} className="yp-file-field__button">
              {t('attachments.choose')}
            </label>
            <span id={`${ids}-chosen`} className="yp-file-field__name" data-testid="attachment-chosen">
              {chosen || t('attachments.noneChosen')}
            </span>
          </div>
          <p id={`${ids}-hint`} className="yp-meta">
            {t('attachments.hint')}
          </p>
          <SubmitButton
            busy={busy}
            busyText={t('attachments.uploading')}
            label={subject ? t('attachments.uploadFor', { subject }) : undefined}
          >
            {t('attachments.upload')}
          </SubmitButton>
          {busy && (
            <progress max={1} value={progress} aria-label={t('attachments.progress', { percent: Math.round(progress * 100) })} />
          )}
          {failure && (
            <InlineAlert status="error" labelText={t('attachments.errorTitle')} role="alert" data-testid="attachment-error">
              {t(failure)}
            </InlineAlert>
          )}
        </form>
      )}
      <p role="status" className="yp-status" data-testid="attachments-status">
        {status}
      </p>
    </Card>
  );
}

/** The files of one public item of published minutes, for anyone: read-only (one query for the whole page). */
export function PublishedItemAttachments({
  meetingId,
  section,
  title,
}: {
  meetingId: string;
  section: number | null | undefined;
  title: string;
}) {
  const { t, lang } = useI18n();
  const [{ data }] = useQuery({ query: PublishedAttachmentsQuery, variables: { meetingId } });
  const files = (data?.publishedMinutes?.attachments ?? []).filter(
    (a) => a.itemTitle === title && (a.itemSection ?? null) === (section ?? null),
  );
  if (files.length === 0) return null;
  return (
    <>
      <Heading variant="h3">{t('attachments.title')}</Heading>
      <ul className="yp-attachments-list" data-testid="published-attachments">
        {files.map(({ attachment: f }) => (
          <li key={f.id} data-testid="attachment">
            <a className="yp-link" href={f.downloadUrl} download={f.name}>
              {f.name}
            </a>{' '}
            <span className="yp-meta">({formatSize(f.size, locales[lang])})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
