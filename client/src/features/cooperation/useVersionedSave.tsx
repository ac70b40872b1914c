import { useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { useFieldErrors } from '../../components/useFieldErrors';
import type { Answer } from '../../components/useSubmission';
import { toApiError, type ApiError } from '../../graphql/errors';

export type { Answer };

/** One send of a form and what follows a good answer. */
export interface SaveStep<D, T> {
  send: () => Promise<Answer<D>>;
  /** The saved record in the answer. */
  pick: (data: D) => T | null | undefined;
  /** The status line's words for the saved record. */
  said: (record: T) => string;
  /** Runs after the words are set, with the record and the words. */
  then?: (record: T, said: string) => void;
}

/** An edit of the record the form shows (`shownVersion`): `send` gets the version it is checked against. */
export interface EditStep<D, T extends { version: number }> extends Omit<SaveStep<D, T>, 'send'> {
  shownVersion: number;
  send: (expectedVersion: number) => Promise<Answer<D>>;
  onConflict?: () => void;
}

/**
 * The start of an EditStep for a record saved by an update mutation (`{ id, expectedVersion, input }`): the version
 * the form shows, and the send of `input` against the expected version.
 */
export function updateOf<D, I>(
  record: { id: string; version: number },
  update: (variables: { id: string; expectedVersion: number; input: I }) => Promise<Answer<D>>,
  input: I,
): { shownVersion: number; send: (expectedVersion: number) => Promise<Answer<D>> } {
  return { shownVersion: record.version, send: (expectedVersion) => update({ id: record.id, expectedVersion, input }) };
}

/** The state and the send of a form that creates a record or edits it against a version. */
export interface VersionedSave {
  /** The version the user started from: a live change to the record does not move it, so a save never silently overwrites. */
  baseVersion: number;
  error: ApiError | undefined;
  setError: Dispatch<SetStateAction<ApiError | undefined>>;
  busy: boolean;
  /** The last save's words for the status line ('' for none). */
  status: string;
  setStatus: Dispatch<SetStateAction<string>>;
  /** Clears the last answer before a new attempt. */
  begin(): void;
  /**
   * Sends the form: with `edit` (the record the form shows) an update against the base version, without it
   * `create`. Saved: the base moves to the saved version. Refused: the error is shown; on CONFLICT the base
   * moves to the current version (the shown one when the error does not name it), so saving again replaces
   * it, and `edit.onConflict` runs. Done: the step's `said` words go to the status line, then its `then` runs.
   */
  submit<DU, TU extends { version: number }, DC, TC>(edit: EditStep<DU, TU> | undefined, create: SaveStep<DC, TC>): Promise<void>;
}

/** The save-and-conflict block of the cooperation and goals forms, once; `startVersion` is the edited record's (0 to create). */
export function useVersionedSave(startVersion: number): VersionedSave {
  const [baseVersion, setBaseVersion] = useState(startVersion);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function run<D, T>(
    send: () => Promise<Answer<D>>,
    pick: (data: D) => T | null | undefined,
    onRefused?: (error: ApiError | undefined) => void,
  ) {
    setBusy(true);
    const answer = await send();
    setBusy(false);
    const record = answer.data ? pick(answer.data) : undefined;
    if (record) return record;
    const refusal = toApiError(answer.error);
    onRefused?.(refusal);
    setError(refusal);
    return undefined;
  }

  function said<T>(step: Pick<SaveStep<unknown, T>, 'said' | 'then'>, record: T | undefined) {
    if (record === undefined) return;
    const words = step.said(record);
    setStatus(words);
    step.then?.(record, words);
  }

  return {
    baseVersion,
    error,
    setError,
    busy,
    status,
    setStatus,
    begin() {
      setError(undefined);
      setStatus('');
    },
    async submit(edit, create) {
      if (!edit) return said(create, await run(create.send, create.pick));
      const saved = await run(
        () => edit.send(baseVersion),
        edit.pick,
        (refusal) => {
          if (refusal?.code !== 'CONFLICT') return;
          setBaseVersion(refusal.currentVersion ?? edit.shownVersion);
          edit.onConflict?.();
        },
      );
      if (saved) setBaseVersion(saved.version);
      said(edit, saved);
    },
  };
}

/** What VersionedForm takes of its form's state (useVersionedForm). */
export interface VersionedFormState {
  /** The ids' start (`fieldsId`): the heading is `<id>-heading` unless the form names another. */
  id: string;
  save: VersionedSave;
  errors: { formRef: RefObject<HTMLFormElement | null> };
  /** The form edits a record (else it creates one). */
  editing: boolean;
}

/**
 * The state of a form that creates a record or edits `record` against its version, once: its save
 * (useVersionedSave from the record's version) and its fields' messages (useFieldErrors, ids `<fieldsId>-…`).
 */
export function useVersionedForm<Field extends string>(record: { version: number } | undefined, fieldsId: string) {
  const save = useVersionedSave(record?.version ?? 0);
  const errors = useFieldErrors<Field>(fieldsId, save.error, save.setError);
  return { id: fieldsId, save, errors, editing: record !== undefined } satisfies VersionedFormState;
}
