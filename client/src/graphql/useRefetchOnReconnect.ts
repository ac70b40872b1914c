import { useEffect, useRef } from 'react';
import type { OperationContext } from 'urql';
import { useSession } from './useSession';

/**
 * Re-runs a query from the network whenever the live connection comes back:
 * changes made while the socket was down (a server restart, a sleeping
 * laptop) were never pushed, so the view would otherwise stay stale. Also when the server answers again after
 * HTTP requests got no answer (connectionState `recoveries`): a view kept its stale data through that (keepData).
 */
export function useRefetchOnReconnect(reexecute: (opts?: Partial<OperationContext>) => void): void {
  const { connection } = useSession();
  const count = connection.reconnects + connection.recoveries;
  const seen = useRef(count);
  useEffect(() => {
    if (count === seen.current) return;
    seen.current = count;
    reexecute({ requestPolicy: 'network-only' });
  }, [count, reexecute]);
}
