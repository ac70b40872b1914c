import { useState } from 'react';
import { useQuery } from 'urql';
import { CheckboxFieldset } from '../../components/CheckboxFieldset';
import type { FieldErrors } from '../../components/useFieldErrors';
import { useI18n } from '../../i18n/useI18n';
import { AgreementPartyOptionsQuery } from './agreements.documents';
import { sameIds } from './forms.util';
import { updateOf, type Answer, type EditStep } from './useVersionedSave';

type Parties = readonly { id: string }[];

/** The parties ticked in an agreement's or a negotiation's form, over the list of every party. */
export function usePartyChoice(current: Parties | undefined) {
  const [{ data }] = useQuery({ query: AgreementPartyOptionsQuery });
  // undefined: every party (a new record's default, before the list has loaded); otherwise the ticked ones.
  const [chosen, setChosen] = useState<ReadonlySet<string> | undefined>(current ? new Set(current.map((p) => p.id)) : undefined);
  const parties = data?.parties ?? [];
  const chosenIds = chosen ? parties.filter((p) => chosen.has(p.id)).map((p) => p.id) : parties.map((p) => p.id);
  return {
    parties,
    chosenIds,
    isChosen: (id: string) => (chosen ? chosen.has(id) : true),
    toggle(id: string, on: boolean) {
      const next = new Set(chosen ?? parties.map((p) => p.id));
      if (on) next.add(id);
      else next.delete(id);
      setChosen(next);
    },
    /** The parties for an update's input: the ticked ones unless they are those of `saved` (the server replaces them, so unchanged ones need not go). */
    changesFrom: (saved: Parties): { partyIds?: string[] } =>
      sameIds(
        chosenIds,
        saved.map((p) => p.id),
      )
        ? {}
        : { partyIds: chosenIds },
    /** Ticks the parties of a saved record. */
    reset: (saved: Parties) => setChosen(new Set(saved.map((p) => p.id))),
  };
}

/** What usePartyChoice gives a form. */
export type PartyChoice = ReturnType<typeof usePartyChoice>;

/**
 * The edit step (VersionedSave.submit) of a record with parties (an agreement, a negotiation): `update` sends
 * `input` against the expected version with the parties' part (none when the ticked ones are the record's); once
 * saved, the saved record's parties are the ticked ones.
 */
export function partiesEdit<D, T extends { version: number; parties: Parties }, I>(
  choice: PartyChoice,
  record: { id: string; version: number; parties: Parties },
  update: (variables: { id: string; expectedVersion: number; input: I & { partyIds?: string[] } }) => Promise<Answer<D>>,
  input: I,
  step: Omit<EditStep<D, T>, 'shownVersion' | 'send' | 'then'>,
): EditStep<D, T> {
  return {
    ...step,
    ...updateOf(record, update, { ...input, ...choice.changesFrom(record.parties) }),
    then: (saved) => choice.reset(saved.parties),
  };
}

/** The parties as checkboxes, their count in the legend, the field's message under them; `hint` is said first. */
export function PartyChoiceFields({
  choice,
  errors,
  hint,
}: {
  choice: PartyChoice;
  errors: FieldErrors<'partyIds'>;
  hint?: { id: string; text: string } | undefined;
}) {
  const { t, name } = useI18n();
  return (
    <CheckboxFieldset
      errors={errors}
      field="partyIds"
      legend={t('agr.form.parties', { count: choice.chosenIds.length })}
      hint={hint}
      options={choice.parties.map((p) => ({ value: p.id, label: name(p.names) }))}
      isChecked={choice.isChosen}
      onToggle={(id, checked) => choice.toggle(id, checked)}
    />
  );
}
