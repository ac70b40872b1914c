import { useState, type FormEvent } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { AddCommentMutation, NeedCommentsQuery } from './needs.documents';

/** Comments on a need; a new one (the user's own answer or anyone's live event) joins the cached list (needs.cache.ts). */
export function NeedDiscussion({ needId, canComment }: { needId: string; canComment: boolean }) {
  const { t, name, dateTime } = useI18n();
  const [{ data }] = useQuery({ query: NeedCommentsQuery, variables: { id: needId } });
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError>();
  const [, add] = useMutation(AddCommentMutation);
  const comments = data?.serviceNeed?.comments ?? [];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const result = await add({ needId, body: body.trim() });
    if (result.data) setBody('');
    else setError(toApiError(result.error));
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
        <form onSubmit={(e) => void onSubmit(e)} className="yp-comment-form">
          <label className="yp-stack-label">
            {t('need.comment')}
            <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} data-testid="comment-body" />
          </label>
          <Button type="submit" disabled={!body.trim()} data-testid="comment-send">
            {t('need.send')}
          </Button>
          {error && <ErrorAlert error={error} />}
        </form>
      )}
    </Card>
  );
}
