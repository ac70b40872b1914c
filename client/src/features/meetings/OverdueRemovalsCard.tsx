import './meetings.messages';
import './record.messages';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ActionOutcome } from '../../components/ActionOutcome';
import { toApiError, type ApiError } from '../../graphql/errors';
import './record.css';
import { useI18n } from '../../i18n/useI18n';
import { OverdueRemovalsQuery, RemoveOverduePersonalDataMutation } from './record.documents';

/**
 * The secretariat's front-page card: published minutes whose appeal period has
 * ended and that still name people. Each is removed with one audited action.
 * Nothing shows while there is nothing to do.
 */
export function OverdueRemovalsCard() {
  const { t, date, name } = useI18n();
  const [{ data }, reexecute] = useQuery({ query: OverdueRemovalsQuery });
  const [, remove] = useMutation(RemoveOverduePersonalDataMutation);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<string>();
  const overdue = data?.overduePersonalDataRemovals ?? [];
  if (overdue.length === 0 && !status) return null;
  return (
    <section className="yp-card yp-card--alert" aria-labelledby="home-removals" data-testid="home-removals">
      <Heading variant="h2" id="home-removals">
        {t('rec.overdueTitle')}
      </Heading>
      <p>{t('rec.overdueIntro')}</p>
      <ul className="yp-home-list">
        {overdue.map((m) => (
          <li key={m.id}>
            <Link className="yp-link" to={`/meetings/${m.id}`}>
              {name(m.body.names)}: {m.title}
            </Link>{' '}
            <span className="yp-meta">
              {m.personalDataRemovalDue ? t('rec.overdueDue', { date: date(m.personalDataRemovalDue) }) : ''}
            </span>{' '}
            <Button
              variant="secondary"
              disabled={busy === m.id}
              aria-label={t('rec.removeFrom', { title: m.title })}
              onClick={async () => {
                setError(undefined);
                setBusy(m.id);
                const r = await remove({ meetingId: m.id, expectedVersion: m.version });
                setBusy(undefined);
                if (r.error) return setError(toApiError(r.error));
                setStatus(t('rec.removed', { title: m.title }));
                reexecute({ requestPolicy: 'network-only' });
              }}
            >
              {t('meet.removePersonalData')}
            </Button>
          </li>
        ))}
      </ul>
      <ActionOutcome error={error} status={status} />
    </section>
  );
}
