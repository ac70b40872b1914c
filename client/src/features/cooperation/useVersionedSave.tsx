import { useState, type Dispatch, type SetStateAction } from 'react';
import type { CombinedError } from 'urql';
import { toApiError, type ApiError } from '../../graphql/errors';

/** A mutation's answer as urql gives it. */
export type Answer<D> = { data?: D | null; error?: CombinedError };

/** The state and the two sends of a form that creates a record or edits it against a version. */
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
   * Sends an edit against the base version and returns the saved record.
   * Saved: the base moves to its version. Refused: the error is shown; on
   * CONFLICT the base moves to the current version (`shownVersion` when the
   * error does not name it), so saving again replaces it, and `onConflict` runs.
   */
  update<D, T extends { version: number }>(
    send: (expectedVersion: number) => Promise<Answer<D>>,
    pick: (data: D) => T | null | undefined,
    conflict: { shownVersion: number; onConflict?: () => void },
  ): Promise<T | undefined>;
  /** Sends a create and returns the created record, or undefined with the error shown. */
  create<D, T>(send: () => Promise<Answer<D>>, pick: (data: D) => T | null | undefined): Promise<T | undefined>;
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
    async update(send, pick, conflict) {
      const saved = await run(
        () => send(baseVersion),
        pick,
        (refusal) => {
          if (refusal?.code !== 'CONFLICT') return;
          setBaseVersion(refusal.currentVersion ?? conflict.shownVersion);
          conflict.onConflict?.();
        },
      );
      if (saved) setBaseVersion(saved.version);
      return saved;
    },
    create: (send, pick) => run(send, pick),
  };
}
