import { useState } from 'react';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { NeedDetailFieldsFragment, NeedStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { NeedOptionsQuery, TransitionNeedMutation } from './needs.documents';
import { statusLabel } from './needs.labels';

const TIER_RANK: Record<string, number> = { STRATEGIC: 1, STEERING: 2, COORDINATION: 3, OPERATIONAL: 4 };

/** The status changes the user may make now, one button each; nothing else is offered. */
export function TransitionPanel({ need, onStale }: { need: NeedDetailFieldsFragment; onStale: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [, transition] = useMutation(TransitionNeedMutation);
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery, pause: !need.allowedTransitions.includes('ESCALATED') });
  const ownerTier = need.ownerBody ? options?.cooperationBodies.find((b) => b.id === need.ownerBody?.id)?.tier : undefined;
  const higher = (options?.cooperationBodies ?? []).filter((b) => !ownerTier || (TIER_RANK[b.tier] ?? 9) < (TIER_RANK[ownerTier] ?? 9));

  async function go(to: NeedStatus) {
    setBusy(true);
    setError(undefined);
    const result = await transition({ id: need.id, expectedVersion: need.version, to, note: note.trim() || null, escalateToBodyId: to === 'ESCALATED' ? body || null : null });
    setBusy(false);
    if (result.data) {
      setNote('');
      setStatus(t('need.transitioned', { status: statusLabel(t, to) }));
      return;
    }
    const apiError = toApiError(result.error);
    if (apiError?.code === 'CONFLICT') onStale();
    setError(apiError);
  }

  return (
    <section className="yp-card" aria-labelledby="transition-heading" data-testid="transitions">
      <Heading variant="h2" id="transition-heading">
        {t('need.transitionTitle')}
      </Heading>
      {need.allowedTransitions.length === 0 ? (
        <p className="yp-muted">{t('need.noTransitions')}</p>
      ) : (
        <>
          <label className="yp-stack-label">
            {t('need.transitionNote')}
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="transition-note" />
          </label>
          {need.allowedTransitions.includes('ESCALATED') && (
            <label className="yp-stack-label">
              {t('need.escalateTo')}
              <select value={body} onChange={(e) => setBody(e.target.value)}>
                <option value="">{t('need.select')}</option>
                {higher.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="yp-actions">
            {need.allowedTransitions.map((to) => (
              <Button key={to} variant={to === 'REJECTED' || to === 'ESCALATED' ? 'secondary' : 'default'} disabled={busy} onClick={() => void go(to)} data-testid={`to-${to}`}>
                {t('need.transitionTo', { status: statusLabel(t, to) })}
              </Button>
            ))}
          </div>
        </>
      )}
      {error && <ErrorAlert error={error} />}
      <p role="status" className="yp-status">
        {status}
      </p>
    </section>
  );
}
