import { connectionStatus, type ConnectionState, type ConnectionStatus } from './connectionState';
import { useSession } from './useSession';

/** The live connection's status for display, and the reducer state behind it. */
export function useConnectionState(): ConnectionState & { status: ConnectionStatus } {
  const { connection } = useSession();
  return { ...connection, status: connectionStatus(connection) };
}
