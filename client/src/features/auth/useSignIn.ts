import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError, type ApiError } from '../../graphql/errors';
import { useSession } from '../../graphql/useSession';
import type { Answer } from '../../components/useSubmission';

/**
 * Sending a mutation that signs the person in (the login, an invitation or reset link): `busy` while it runs. Signed
 * in, the session is renewed (a new client and socket, so nothing cached for the anonymous visitor survives) and the
 * person goes to `target`, the form staying busy until it is gone; a refusal becomes `error`. As useSubmission's
 * submit, a call while an answer is awaited sends nothing (a second Enter before the busy state renders).
 */
export function useSignIn() {
  const { renew } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  /** True when signed in (the person is on the way to `target`); false after a refusal, or while another is sent. */
  async function signIn<D>(send: () => Promise<Answer<D>>, signedIn: (data: D) => boolean, target: string): Promise<boolean> {
    if (sending.current) return false;
    sending.current = true;
    setBusy(true);
    const result = await send().finally(() => (sending.current = false));
    if (result.data && signedIn(result.data)) {
      renew();
      navigate(target, { replace: true });
      return true;
    }
    setBusy(false);
    setError(toApiError(result.error));
    return false;
  }

  return { error, setError, busy, signIn };
}
