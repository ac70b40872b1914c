import { useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import { toApiError, type ApiError } from '../graphql/errors';

/** A mutation's answer as urql gives it. */
export type Answer<D> = { data?: D | null; error?: CombinedError };

/**
 * A form's sending state: `busy` while its mutation runs, and the API's refusal as `error` (the form
 * shows it, and clears it before a new attempt).
 *
 * @example
 * const { error, setError, busy, submit } = useSubmission();
 * const created = await submit(() => create({ name }), (data) => data.createApiToken);
 */
export function useSubmission() {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  /**
   * Sends, and returns what `pick` finds in the answer; when it finds nothing, the refusal becomes `error`.
   * While an answer is awaited, another call sends nothing and returns undefined.
   */
  async function submit<D, T>(send: () => Promise<Answer<D>>, pick: (data: D) => T | null | undefined): Promise<T | undefined> {
    if (sending.current) return undefined;
    sending.current = true;
    setBusy(true);
    const answer = await send().finally(() => (sending.current = false));
    setBusy(false);
    const found = answer.data ? pick(answer.data) : undefined;
    if (found) return found;
    setError(toApiError(answer.error));
    return undefined;
  }

  return { error, setError, busy, submit };
}
