import './goals.messages';
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { LabelledInput, TitleInput } from '../../components/LabelledInput';
import { MultiSelectField } from '../../components/MultiSelectField';
import { SelectField } from '../../components/SelectField';
import type { GoalFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { CreateGoalMutation, UpdateGoalMutation } from './goals.documents';
import { useGoalFormOptions } from './useGoalFormOptions';
import { updateOf, useVersionedForm } from '../cooperation/useVersionedSave';
import { VersionedForm } from '../cooperation/VersionedForm';

type Field = 'title' | 'description' | 'ownerPartyId' | 'ownerBodyId' | 'needIds' | 'actionIds';

/**
 * The secretariat's form for a goal: without `goal` it adds one to the
 * agreement (at the end); with it, it edits that goal against the version it
 * showed. A CONFLICT keeps what the user typed and says so.
 */
export function GoalForm({
  agreementId,
  goal,
  sortOrder,
  onDone,
  onCancel,
}: {
  agreementId: string;
  goal?: GoalFieldsFragment;
  sortOrder: number;
  /** Called with the words of a save: a new goal's (the form stays open for the next) or an edit's (which closes the form, the card says them then). */
  onDone?: (said: string) => void;
  /** Given, the form has a cancel button that calls it. */
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const { parties, bodies, needs } = useGoalFormOptions();
  const [, create] = useMutation(CreateGoalMutation);
  const [, update] = useMutation(UpdateGoalMutation);
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [ownerPartyId, setOwnerParty] = useState(goal?.ownerParty?.id ?? '');
  const [ownerBodyId, setOwnerBody] = useState(goal?.ownerBody?.id ?? '');
  const [needIds, setNeedIds] = useState<string[]>(goal?.needs.map((n) => n.id) ?? []);
  const [actionIds, setActionIds] = useState<string[]>(goal?.actions.map((a) => a.id) ?? []);
  // The form's opener moves the keyboard into the title (useFormFocus), not the form itself.
  const titleInput = useRef<HTMLInputElement>(null);
  const prefix = goal ? `goal-edit-${goal.id}` : 'goal-new';
  const form = useVersionedForm<Field>(goal, prefix);
  const { save, errors } = form;
  const { check, bind } = errors;

  const needOptions = needs.map((n) => ({ value: n.id, label: n.title }));
  const actionOptions = needs
    .filter((n) => needIds.includes(n.id))
    .flatMap((n) => n.actions.map((a) => ({ value: a.id, label: `${a.title} (${n.title})` })));

  async function onSave() {
    save.begin();
    if (!check(title.trim() === '' ? { title: 'goals.form.titleRequired' } : {})) return;
    // Actions of needs no longer linked go with them.
    const known = new Set(actionOptions.map((a) => a.value));
    const input = {
      title: title.trim(),
      description: description.trim() || null,
      ownerPartyId: ownerPartyId || null,
      ownerBodyId: ownerBodyId || null,
      needIds,
      actionIds: actionIds.filter((id) => known.has(id)),
    };
    await save.submit(
      goal && {
        ...updateOf(goal, update, input),
        pick: (data) => data.updateAgreementGoal,
        said: (saved) => t('goals.form.saved', { version: saved.version }),
        then: (_, said) => onDone?.(said),
      },
      {
        send: () => create({ agreementId, input: { ...input, sortOrder } }),
        pick: (data) => data.createAgreementGoal,
        said: (created) => t('goals.form.created', { title: created.title }),
        then: (_, said) => {
          setTitle('');
          setDescription('');
          setNeedIds([]);
          setActionIds([]);
          onDone?.(said);
        },
      },
    );
  }

  return (
    <VersionedForm
      title={goal ? t('goals.form.editTitle', { title: goal.title }) : t('goals.form.newTitle')}
      level="h3"
      className="yp-card yp-coop-subcard"
      testId={goal ? 'goal-edit' : 'goal-new'}
      form={form}
      onSave={onSave}
      submitLabel={t(goal ? 'goals.form.save' : 'goals.form.create')}
      onCancel={onCancel}
    >
      <TitleInput errors={errors} label={t('goals.form.title')} value={title} onChange={setTitle} inputRef={titleInput} />
      <LabelledInput
        errors={errors}
        field="description"
        label={t('goals.form.description')}
        className="yp-coop-wide"
        rows={3}
        value={description}
        onChange={setDescription}
      />
      <SelectField
        label={t('goals.form.ownerParty')}
        value={ownerPartyId}
        emptyLabel={t('goals.form.none')}
        options={parties}
        {...bind('ownerPartyId', setOwnerParty)}
        testId="goal-owner-party"
      />
      <SelectField
        label={t('goals.form.ownerBody')}
        value={ownerBodyId}
        emptyLabel={t('goals.form.none')}
        options={bodies}
        {...bind('ownerBodyId', setOwnerBody)}
        testId="goal-owner-body"
      />
      <div className="yp-coop-wide">
        <MultiSelectField
          label={t('goals.form.needs')}
          value={needIds}
          options={needOptions}
          {...bind('needIds', setNeedIds)}
          testId="goal-needs"
        />
      </div>
      <div className="yp-coop-wide">
        <MultiSelectField
          label={t('goals.form.actions')}
          hint={t('goals.form.actionsHint')}
          value={actionIds.filter((id) => actionOptions.some((a) => a.value === id))}
          options={actionOptions}
          {...bind('actionIds', setActionIds)}
          testId="goal-actions"
        />
      </div>
    </VersionedForm>
  );
}
