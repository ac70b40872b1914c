/**
 * Tells this browser's other tabs that the user is signing out here, so that theirs can say why their session
 * ended ("you signed out in another tab") rather than only that it ended. A browser without BroadcastChannel
 * (or with it blocked) gets the general words.
 */
const channelName = 'yp-session';
let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  try {
    channel ??= new BroadcastChannel(channelName);
  } catch {
    channel = undefined;
  }
  return channel;
}

/** Called by the tab that signs out, before it asks the server. */
export function announceLogout(): void {
  open()?.postMessage('logout');
}

/** Calls `listener` when another tab announces a logout; returns the unsubscribe function. */
export function onLogoutElsewhere(listener: () => void): () => void {
  const ch = open();
  if (!ch) return () => undefined;
  const handler = (event: MessageEvent) => {
    if (event.data === 'logout') listener();
  };
  ch.addEventListener('message', handler);
  return () => ch.removeEventListener('message', handler);
}
