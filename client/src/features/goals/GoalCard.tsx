import './goals.messages';
import '../needs/needs.messages';
import { useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ActionOutcome } from '../../components/ActionOutcome';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { GoalFieldsFragment, MeasureFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { GoalActionList, GoalNeedList } from './GoalLinks';
import { GoalForm } from './GoalForm';
import { GoalProgressBar } from './GoalProgressBar';
import { DeleteGoalMutation, RemoveMeasureMutation } from './goals.documents';
import { lastFullYear, reportPath } from './goals.util';
import { MeasureForm } from './MeasureForm';
import { MeasureTable } from './MeasureTable';
import { useFormFocus } from '../cooperation/useFormFocus';

type Open = { kind: 'edit' } | { kind: 'measure'; measure?: MeasureFieldsFragment } | { kind: 'delete' } | null;

/** One goal: owner, progress, measures, linked needs and actions, the report link; the secretariat edits it in place. */
export function GoalCard({
  agreementId,
  goal,
  canEdit,
  onChanged,
}: {
  agreementId: string;
  goal: GoalFieldsFragment;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t, name } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [, deleteGoal] = useMutation(DeleteGoalMutation);
  const [, removeMeasure] = useMutation(RemoveMeasureMutation);
  const headingId = `goal-${goal.id}-heading`;
  // The keyboard goes into a measure's form when it opens ('Lisää mittari', or a row's 'Muokkaa mittaria') and comes
  // back to the button that opened it on cancel or save; the goal's own form likewise with 'Muokkaa tavoitetta'.
  // A new opener (another row's button) is a new ref, so that a form opening in place of another takes the focus too.
  const measureAdd = useRef<HTMLButtonElement>(null);
  const measureBox = useRef<HTMLDivElement>(null);
  const [measureOpener, setMeasureOpener] = useState<RefObject<HTMLElement | null>>(measureAdd);
  useFormFocus(open?.kind === 'measure', measureBox, measureOpener);
  const goalEdit = useRef<HTMLButtonElement>(null);
  const goalBox = useRef<HTMLDivElement>(null);
  useFormFocus(open?.kind === 'edit', goalBox, goalEdit);
  const owner = [goal.ownerParty && name(goal.ownerParty.names), goal.ownerBody && name(goal.ownerBody.names)]
    .filter(Boolean)
    .join(', ');
  // Opening (or closing) a form starts another action: the words of the last save are not about it.
  const toggle = (next: Open) => {
    setStatus('');
    setError(undefined);
    setOpen((current) =>
      current?.kind === next?.kind &&
      (current?.kind !== 'measure' || (next?.kind === 'measure' && current.measure?.id === next.measure?.id))
        ? null
        : next,
    );
  };

  async function onDelete() {
    setError(undefined);
    const r = await deleteGoal({ id: goal.id, expectedVersion: goal.version });
    if (r.data) {
      setStatus(t('goals.deleted', { title: goal.title }));
      onChanged();
    } else setError(toApiError(r.error));
  }

  async function onRemove(m: MeasureFieldsFragment) {
    setError(undefined);
    const r = await removeMeasure({ id: m.id, expectedVersion: m.version });
    if (r.data) setStatus(t('goals.measure.removed'));
    else setError(toApiError(r.error));
  }

  return (
    <article className="yp-goal" aria-labelledby={headingId} data-testid="goal">
      <Heading variant="h3" id={headingId}>
        {goal.title}
      </Heading>
      {owner && <p className="yp-goal__meta">{t('goals.owner', { owner })}</p>}
      {goal.description && <p className="yp-goal__desc">{goal.description}</p>}
      <GoalProgressBar progress={goal.progress} testId="goal-progress" />
      {goal.measures.length ? (
        <MeasureTable
          caption={t('goals.measuresCaption', { title: goal.title })}
          measures={goal.measures}
          onEdit={
            canEdit
              ? (m, button) => {
                  setMeasureOpener({ current: button });
                  toggle({ kind: 'measure', measure: m });
                }
              : undefined
          }
          onRemove={canEdit ? (m) => void onRemove(m) : undefined}
        />
      ) : (
        <p className="yp-muted">{t('goals.noMeasures')}</p>
      )}
      {(goal.needs.length > 0 || goal.actions.length > 0) && (
        <div className="yp-goal__links">
          {goal.needs.length > 0 && (
            <div>
              <Heading variant="h4">{t('goals.needs')}</Heading>
              <GoalNeedList needs={goal.needs} />
            </div>
          )}
          {goal.actions.length > 0 && (
            <div>
              <Heading variant="h4">{t('goals.actions')}</Heading>
              <GoalActionList actions={goal.actions} />
            </div>
          )}
        </div>
      )}
      <div className="yp-goal__actions">
        <Link className="yp-link" to={reportPath(agreementId, goal.id, lastFullYear())} data-testid="goal-report-link">
          {t('goals.report')}
          <span className="yp-visually-hidden">: {goal.title}</span>
        </Link>
        {canEdit && (
          <>
            <Button
              variant="secondary"
              aria-expanded={open?.kind === 'edit'}
              onClick={() => toggle({ kind: 'edit' })}
              ref={goalEdit}
              data-testid="goal-edit-toggle"
            >
              {t(open?.kind === 'edit' ? 'goals.close' : 'goals.edit')}
            </Button>
            <Button
              variant="secondary"
              aria-expanded={open?.kind === 'measure' && !open.measure}
              onClick={() => {
                setMeasureOpener(measureAdd);
                toggle({ kind: 'measure' });
              }}
              ref={measureAdd}
              data-testid="measure-add"
            >
              {t('goals.measure.add')}
            </Button>
            <Button
              variant="secondaryNoBorder"
              aria-expanded={open?.kind === 'delete'}
              onClick={() => toggle({ kind: 'delete' })}
            >
              {t('goals.delete')}
            </Button>
          </>
        )}
      </div>
      {open?.kind === 'delete' && (
        <div className="yp-goal__actions" role="group" aria-label={t('goals.delete')}>
          <p>{t('goals.deleteConfirm', { title: goal.title })}</p>
          <Button onClick={() => void onDelete()} data-testid="goal-delete-confirm">
            {t('goals.delete')}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(null)}>
            {t('goals.close')}
          </Button>
        </div>
      )}
      {open?.kind === 'edit' && (
        <div ref={goalBox}>
          <GoalForm
            key={goal.id}
            agreementId={agreementId}
            goal={goal}
            sortOrder={goal.sortOrder}
            onDone={(said) => (setStatus(said), setOpen(null))}
            onCancel={() => setOpen(null)}
          />
        </div>
      )}
      {open?.kind === 'measure' && (
        <div ref={measureBox}>
          <MeasureForm
            key={open.measure?.id ?? 'new'}
            goalId={goal.id}
            goalTitle={goal.title}
            measure={open.measure}
            onDone={(said) => (setStatus(said), setOpen(null))}
            onCancel={() => setOpen(null)}
          />
        </div>
      )}
      <ActionOutcome error={error} status={status} />
    </article>
  );
}
