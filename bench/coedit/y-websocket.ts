import { createRequire } from 'node:module';
import path from 'node:path';
import type { CoeditAdapter, EditorDoc, EditorText } from './adapter.js';

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
      // The editor's own paragraph in `default`, made with the peers' Yjs (a Y type of one copy cannot go into the other's doc).
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      doc.getXmlFragment('default').push([paragraph]);
      return {
        doc: doc as EditorDoc,
        text: text as EditorText,
        close() {
          provider.destroy();
          doc.destroy();
        },
      };
    },
  };
}
