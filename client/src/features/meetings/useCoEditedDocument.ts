import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useClient, type Client } from 'urql';
import { onEnd as onStreamEnd, pipe, subscribe } from 'wonka';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { toApiError } from '../../graphql/errors';
import { useSession } from '../../graphql/useSession';
import { fromBase64, toBase64 } from '../documents/base64';
import { DocumentSync, type DocumentTransport, type SyncStatus } from '../documents/DocumentSync';
import {
  AwarenessUpdatedSubscription,
  DocumentStateQuery,
  DocumentUpdatedSubscription,
  PushAwarenessMutation,
  PushDocumentUpdateMutation,
} from './coediting.documents';

/** Cursor moves are sent at most this often (the server allows 30 a second per user). */
const AWARENESS_THROTTLE_MS = 120;

/** DocumentSync's transport over the session's urql client: pushes and the stream both on the WebSocket (client.ts routes them). */
export function urqlTransport(client: Client, documentId: string): DocumentTransport {
  return {
    async push(update, clientId) {
      const r = await client.mutation(PushDocumentUpdateMutation, { documentId, update, clientId }).toPromise();
      if (r.error || r.data == null) throw r.error ?? new Error('no answer');
      return r.data.pushDocumentUpdate;
    },
    async state(stateVector) {
      const r = await client
        .query(DocumentStateQuery, { id: documentId, stateVector }, { requestPolicy: 'network-only' })
        .toPromise();
      if (r.error || r.data == null) throw r.error ?? new Error('no answer');
      return r.data.documentState;
    },
    subscribe(stateVector, clientId, onUpdate, onEnd) {
      let stopped = false;
      let failure: unknown;
      const { unsubscribe } = pipe(
        client.subscription(DocumentUpdatedSubscription, { documentId, stateVector, clientId }),
        // urql ends the stream after an error result too: report that error, or a plain end.
        onStreamEnd(() => {
          if (!stopped) onEnd?.(failure);
        }),
        subscribe((r) => {
          if (r.error) failure = r.error;
          else if (r.data) onUpdate(r.data.documentUpdated.update, r.data.documentUpdated.stateVector);
        }),
      );
      return () => {
        stopped = true;
        unsubscribe();
      };
    },
  };
}

/** One co-edited document in the browser: its Y.Doc, sync status and the editors' cursors. */
export interface CoEditedDocument {
  doc: Y.Doc;
  awareness: Awareness;
  status: SyncStatus;
}

/**
 * Binds a Y.Doc to the server through DocumentSync (never a WebSocket
 * provider): syncs by state vector on every (re)connect, keeps unacknowledged
 * edits and re-sends them. Cursors and names travel as awareness updates.
 */
export function useCoEditedDocument(
  documentId: string | undefined,
  user: { name: string; color: string },
  canEdit: boolean,
): CoEditedDocument | undefined {
  const client = useClient();
  const { connection } = useSession();
  const connected = connection.phase === 'connected' && connection.online;
  const doc = useMemo(() => (documentId ? new Y.Doc() : undefined), [documentId]);
  const awareness = useMemo(() => (doc ? new Awareness(doc) : undefined), [doc]);
  const sync = useMemo(
    () => (doc && documentId ? new DocumentSync(doc, urqlTransport(client, documentId)) : undefined),
    [doc, documentId, client],
  );
  const [status, setStatus] = useState<SyncStatus>({ pending: 0, online: false });

  useEffect(() => {
    if (!sync) return;
    const off = sync.onStatus(setStatus);
    return () => {
      off();
      sync.destroy();
      awareness?.destroy();
      doc?.destroy();
    };
  }, [sync, doc, awareness]);

  // Follow the live connection: offline keeps editing locally; every (re)connect syncs and re-sends.
  useEffect(() => {
    if (!sync || !documentId) return;
    if (connected) void sync.connect(urqlTransport(client, documentId));
    else sync.disconnect();
  }, [sync, connected, connection.reconnects, client, documentId]);

  // The latest canEdit for the effect below: its cleanup and the awareness renewals run after the
  // meeting has moved on, and sending then only earns FORBIDDEN ("may read … but not edit").
  // Set in a layout effect so it is current before any passive cleanup of the same commit runs.
  const canEditRef = useRef(canEdit);
  useLayoutEffect(() => {
    canEditRef.current = canEdit;
  }, [canEdit]);

  // Cursors: our own state out (throttled), others' in.
  useEffect(() => {
    if (!awareness || !doc || !documentId) return;
    awareness.setLocalStateField('user', user);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The server refused our awareness (the document became read-only before we heard): stop until canEdit changes.
    let refused = false;
    const send = () => {
      timer = undefined;
      if (!canEditRef.current || refused) return;
      const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
      void client
        .mutation(PushAwarenessMutation, { documentId, update: toBase64(update) })
        .toPromise()
        .then((r) => {
          if (toApiError(r.error)?.code === 'FORBIDDEN') refused = true;
        });
    };
    const onUpdate = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (!canEditRef.current || refused) return;
      // Someone new arrived: tell them where we are now, not at our next move (or the 15 s renewal).
      if (origin === 'remote') {
        if (added.length > 0) timer ??= setTimeout(send, AWARENESS_THROTTLE_MS);
        return;
      }
      if (![...added, ...updated, ...removed].includes(doc.clientID)) return;
      timer ??= setTimeout(send, AWARENESS_THROTTLE_MS);
    };
    awareness.on('update', onUpdate);
    const sub = client.subscription(AwarenessUpdatedSubscription, { documentId }).subscribe((r) => {
      if (r.data) applyAwarenessUpdate(awareness, fromBase64(r.data.awarenessUpdated.update), 'remote');
    });
    send();
    return () => {
      awareness.off('update', onUpdate);
      clearTimeout(timer);
      sub.unsubscribe();
      removeAwarenessStates(awareness, [doc.clientID], 'local');
      // Tell the others our cursor is gone, but only while we may still edit (canEdit of now, not of the effect's start).
      send();
    };
    // canEdit is read through the ref; it is a dependency so that regaining it resets `refused` and announces us.
  }, [awareness, doc, documentId, client, canEdit, user.name, user.color]);

  return doc && awareness ? { doc, awareness, status } : undefined;
}

/** A stable colour per user for cursors and presence. */
export function colorFor(id: string): string {
  const palette = ['#0f5f9e', '#a12d6b', '#1b7a3e', '#8a4b00', '#5b3fa3', '#b3261e', '#00707a', '#6b5b00'];
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return palette[h % palette.length]!;
}
