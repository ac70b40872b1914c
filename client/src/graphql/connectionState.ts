/**
 * The live connection's state as a pure reducer over graphql-ws client events
 * and the browser's online/offline events, so that it can be unit tested.
 */

/** What the indicator shows. `idle`: no live connection is wanted (signed out). */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The reducer's state. */
export interface ConnectionState {
  /** The socket's phase, as graphql-ws reports it. */
  phase: 'idle' | 'connecting' | 'connected' | 'reconnecting';
  /** navigator.onLine; false overrides the phase for display. */
  online: boolean;
  /** True once a connection was acknowledged in this session. */
  hasConnected: boolean;
  /**
   * Counts acknowledged connections after the first. Views re-run their
   * queries when it grows: events sent while the socket was down are lost.
   */
  reconnects: number;
  /**
   * True while HTTP requests get no answer though the socket may be up (a server restarting, a proxy between):
   * shown as reconnecting until a request is answered again.
   */
  unreachable: boolean;
  /** Counts the times the server answered again after `unreachable`; views re-run their queries then too. */
  recoveries: number;
}

/** Events fed to the reducer. */
export type ConnectionEvent =
  | { type: 'connecting'; isRetry: boolean }
  | { type: 'connected' }
  | { type: 'closed' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'unreachable' }
  | { type: 'reachable' }
  | { type: 'reset'; online: boolean };

/** The state before any socket exists. */
export function initialConnectionState(online: boolean): ConnectionState {
  return { phase: 'idle', online, hasConnected: false, reconnects: 0, unreachable: false, recoveries: 0 };
}

/** Applies one event. */
export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'connecting':
      return { ...state, phase: state.hasConnected || event.isRetry ? 'reconnecting' : 'connecting' };
    case 'connected':
      return {
        ...state,
        phase: 'connected',
        hasConnected: true,
        // The views refetch on a reconnect anyway; a failure of those refetches says unreachable again.
        unreachable: false,
        reconnects: state.hasConnected ? state.reconnects + 1 : state.reconnects,
      };
    case 'closed':
      // A close while idle is the disposal of a signed-out session's socket.
      return state.phase === 'idle' ? state : { ...state, phase: 'reconnecting' };
    case 'online':
      return { ...state, online: true };
    case 'offline':
      return { ...state, online: false };
    case 'unreachable':
      return state.unreachable ? state : { ...state, unreachable: true };
    case 'reachable':
      return state.unreachable ? { ...state, unreachable: false, recoveries: state.recoveries + 1 } : state;
    case 'reset':
      return initialConnectionState(event.online);
  }
}

/** What to show: offline wins, because a reconnect cannot succeed without a network. */
export function connectionStatus(state: ConnectionState): ConnectionStatus {
  if (state.phase === 'idle') return 'idle';
  if (!state.online) return 'offline';
  if (state.phase === 'connected' && state.unreachable) return 'reconnecting';
  return state.phase;
}
