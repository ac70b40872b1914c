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

/** The user's edit of the form and the item's version it is sent against; none: the form follows the recorded decision. */
type Edit = { form: DecisionForm; version: number } | null;

/**
 * The decision form of an item: the recorded decision as it is now (recorded here or live by another user) until the
 * user edits the form; from the first edit on, the user's form, sent against the item's version it was edited from.
 * A correction made over a decision changed meanwhile is refused (CONFLICT), not recorded over it; `rebase` then sends
 * the user's form against the version the refusal names, so recording again is a deliberate correction.
 */
export function useDecisionForm(item: Pick<AgendaItemFieldsFragment, 'decisionMode' | 'votes' | 'version'>) {
  const [edit, setEdit] = useState<Edit>(null);
  const form = edit?.form ?? recordedForm(item);
  const version = edit?.version ?? item.version;
  const change = (next: (f: DecisionForm) => DecisionForm) =>
    setEdit((e) => ({ form: next(e?.form ?? recordedForm(item)), version: e?.version ?? item.version }));
  return {
    ...form,
    version,
    setMode: (mode: DecisionMode) => change((f) => ({ ...f, mode })),
    setVote: (k: keyof Votes, n: number) => change((f) => ({ ...f, votes: { ...f.votes, [k]: n } })),
    /** After a decision was recorded from this form: the form follows the recorded decision again. */
    reset: () => setEdit(null),
    /**
     * After a refusal for a stale version: the form as the user has it, sent against the version the refusal names (the
     * cache may not hold it yet).
     */
    rebase: (currentVersion?: number) =>
      setEdit((e) => ({ form: e?.form ?? recordedForm(item), version: currentVersion ?? item.version })),
  };
}
