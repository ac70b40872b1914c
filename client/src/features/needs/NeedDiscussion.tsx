import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { AddCommentMutation, NeedCommentsQuery } from './needs.documents';

/** Comments on a need; a new one (the user's own answer or anyone's live event) joins the cached list (needs.cache.ts). */
export function NeedDiscussion({ needId, canComment }: { needId: string; canComment: boolean }) {
  const { t, name, dateTime } = useI18n();
  const [{ data }] = useQuery({ query: NeedCommentsQuery, variables: { id: needId } });
  const [body, setBody] = useState('');
  const { error, setError, busy, submit } = useSubmission();
  const [, add] = useMutation(AddCommentMutation);
  const fields = useFieldErrors<'body'>('comment', error, setError);
  const comments = data?.serviceNeed?.comments ?? [];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!fields.check(body.trim() ? {} : { body: 'need.commentRequired' })) return;
    const added = await submit(
      () => add({ needId, body: body.trim() }),
      (data) => data.addNeedComment,
    );
    if (added) setBody('');
  }

  return (
    <Card headingId="comments-heading" title={t('need.comments')}>
      {comments.length === 0 ? (
        <p className="yp-muted">{t('need.noComments')}</p>
      ) : (
        <ol className="yp-comments" data-testid="comments" aria-live="polite">
          {comments.map((c) => (
            <li key={c.id} className="yp-comment">
              <p className="yp-comment__meta">
                <strong>{c.author?.displayName ?? t('need.anonymous')}</strong>
                {c.party && <> · {name(c.party.names)}</>} ·{' '}
                <time dateTime={c.createdAt as string}>{dateTime(c.createdAt as string)}</time>
              </p>
              <p className="yp-comment__body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form ref={fields.formRef} onSubmit={(e) => void onSubmit(e)} className="yp-comment-form" noValidate>
          <label className="yp-stack-label">
            {t('need.comment')}
            <textarea
              id="comment-body"
              name="body"
              rows={3}
              value={body}
              onChange={(e) => (setBody(e.target.value), fields.clear('body'))}
              data-testid="comment-body"
              {...fields.aria('body')}
            />
            {fields.errorText('body')}
          </label>
          <SubmitButton busy={busy} busyText={t('need.sending')} testId="comment-send">
            {t('need.send')}
          </SubmitButton>
          {error && <ErrorAlert error={error} />}
        </form>
      )}
    </Card>
  );
}
