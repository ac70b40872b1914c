import './goals.messages';
import { useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError } from '../../graphql/errors';
import type { AgreementGoalChangedSubscription as GoalEvent } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { ToggleButton } from '../../components/ToggleButton';
import { useCurrentUser } from '../auth/useCurrentUser';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { useFormFocus } from '../cooperation/useFormFocus';
import { AgreementGoalsQuery, GoalChangedSubscription } from './goals.documents';
import './goals.css';

/**
 * The agreement's goals with their measures and progress, live: a change to a
 * goal or measure (by anyone) arrives with the goal and its progress, and
 * graphcache merges it (goals.cache.ts). The secretariat adds, edits and deletes.
 */
export function AgreementGoals({ agreementId, canEdit }: { agreementId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, reexecute] = useQuery({ query: AgreementGoalsQuery, variables: { agreementId } });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useRefetchOnReconnect(reexecute);
  const [{ data: last }] = useSubscription<GoalEvent, GoalEvent['agreementGoalChanged'] | undefined>(
    { query: GoalChangedSubscription, variables: { agreementId } },
    (_prev, event) => event.agreementGoalChanged,
  );
  const [adding, setAdding] = useState(false);
  // The keyboard goes into the new goal's form when it opens, and back to its button when it closes (WCAG 2.4.3).
  const addOpener = useRef<HTMLDivElement>(null);
  const addBox = useRef<HTMLDivElement>(null);
  useFormFocus(adding, addBox, addOpener);
  const goals = data?.agreementGoals ?? [];
  return (
    <Card headingId="goals-heading" title={t('goals.title')} testId="agreement-goals">
      <p className="yp-muted">{t('goals.intro')}</p>
      <p className="yp-meta" aria-live="polite" data-testid="goals-live-note">
        {last?.actor && last.actor.id !== user?.id ? t('goals.live', { actor: last.actor.displayName }) : ''}
      </p>
      {error && <ErrorAlert error={toApiError(error)!} />}
      {data && goals.length === 0 && <p>{t('goals.none')}</p>}
      {goals.map((goal) => (
        <GoalCard key={goal.id} agreementId={agreementId} goal={goal} canEdit={canEdit} onChanged={refetch} />
      ))}
      {canEdit && (
        <div ref={addOpener}>
          <ToggleButton
            open={adding}
            setOpen={setAdding}
            label={t('goals.add')}
            closeLabel={t('goals.close')}
            testId="goal-add"
          />
        </div>
      )}
      {canEdit && adding && (
        <div ref={addBox}>
          <GoalForm
            agreementId={agreementId}
            sortOrder={(goals.at(-1)?.sortOrder ?? 0) + 1}
            onDone={refetch}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
    </Card>
  );
}
