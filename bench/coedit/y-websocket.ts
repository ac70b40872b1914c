import { createRequire } from 'node:module';
import path from 'node:path';
import type { CoeditAdapter, EditorDoc } from './adapter.js';

/**
 * The peer's client: y-websocket's WebsocketProvider from the peers' folder
 * (its own Yjs copy), without BroadcastChannel (all editors share this
 * process and must talk through the server). Loading this second Yjs prints
 * "Yjs was already imported": harmless here, each side keeps to its own copy.
 */
export function yWebsocketEditors(opts: { peersDir: string; url: string; room: string }): CoeditAdapter {
  const require = createRequire(path.join(opts.peersDir, 'package.json'));
  const Y = require('yjs');
  const { WebsocketProvider } = require('y-websocket');
  const WS = require('ws');
  const wsUrl = opts.url.replace(/^http/, 'ws');
  return {
    async connect() {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(wsUrl, opts.room, doc, { WebSocketPolyfill: WS, disableBc: true });
      await new Promise<void>((resolve) => {
        if (provider.synced) return resolve();
        const onSync = (synced: boolean) => {
          if (!synced) return;
          provider.off('sync', onSync);
          resolve();
        };
        provider.on('sync', onSync);
      });
      return {
        doc: doc as EditorDoc,
        close() {
          provider.destroy();
          doc.destroy();
        },
      };
    },
  };
}
