import { useState } from 'react';
import type { AgendaItemFieldsFragment, DecisionMode } from '../../graphql/generated/graphql';

type Votes = { for: number; against: number; abstain: number };
/** What the decision form holds: the mode and, for a vote, the counts. */
export type DecisionForm = { mode: DecisionMode; votes: Votes };

/** The form as the item's recorded decision reads (a unanimous decision with no votes while undecided). */
export function recordedForm(item: Pick<AgendaItemFieldsFragment, 'decisionMode' | 'votes'>): DecisionForm {
  const v = item.votes;
  return {
    mode: item.decisionMode ?? 'UNANIMOUS',
    votes: v ? { for: v.for, against: v.against, abstain: v.abstain } : { for: 0, against: 0, abstain: 0 },
  };
}

// Counts typed for a vote and left when another mode was chosen are not an edit: only a vote records them.
const same = (a: DecisionForm, b: DecisionForm) =>
  a.mode === b.mode &&
  (a.mode !== 'VOTE' ||
    (a.votes.for === b.votes.for && a.votes.against === b.votes.against && a.votes.abstain === b.votes.abstain));

type State = { base: DecisionForm; version: number; form: DecisionForm };

/**
 * The decision form of an item, initialised from its recorded decision and following it when it changes (recorded
 * here or live by another user) unless the form has unsaved edits. `version` is the item's version the form was
 * initialised from: a correction sent with unsaved edits made over a decision changed meanwhile is refused (CONFLICT),
 * not recorded over it; `rebase` then takes the decision as it is now as the base, keeping the edits.
 */
export function useDecisionForm(item: AgendaItemFieldsFragment) {
  const recorded = recordedForm(item);
  const [state, setState] = useState<State>({ base: recorded, version: item.version, form: recorded });
  const dirty = !same(state.form, state.base);
  if (!dirty && (state.version !== item.version || !same(state.base, recorded))) {
    setState({ base: recorded, version: item.version, form: recorded });
  }
  return {
    ...state.form,
    version: state.version,
    setMode: (mode: DecisionMode) => setState((s) => ({ ...s, form: { ...s.form, mode } })),
    setVote: (k: keyof Votes, n: number) => setState((s) => ({ ...s, form: { ...s.form, votes: { ...s.form.votes, [k]: n } } })),
    /** After a decision was recorded from this form: the form reads it. */
    reset: (to: AgendaItemFieldsFragment) => {
      const r = recordedForm(to);
      setState({ base: r, version: to.version, form: r });
    },
    /**
     * After a refusal for a stale version: the decision as it is now is the base, at the version the refusal names (the
     * cache may not hold it yet); the edits stay.
     */
    rebase: (currentVersion?: number) => setState((s) => ({ ...s, base: recorded, version: currentVersion ?? item.version })),
  };
}
