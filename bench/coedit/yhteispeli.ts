import { EditorClient } from '../../tests/integration/editor-client.js';
import { addParagraph } from '../../tests/minutes-doc.js';
import type { CoeditAdapter } from './adapter.js';

/**
 * Our co-editing client as the web client runs it: the client's own DocumentSync with every
 * push and the stream on one graphql-ws socket (tests/integration/editor-client.ts, ADR 0011).
 * Editors take the sessions in turn.
 */
export function yhteispeliEditors(opts: { url: string; tokens: string[]; documentId: string }): CoeditAdapter {
  let n = 0;
  return {
    async connect() {
      const token = opts.tokens[n++ % opts.tokens.length]!;
      const editor = new EditorClient({ url: opts.url, token, documentId: opts.documentId });
      await editor.connect();
      return {
        doc: editor.doc,
        text: addParagraph(editor.doc),
        // Not flushed: a server far behind would keep the bench waiting; what is unseen is already counted.
        close: () => editor.close(),
      };
    },
  };
}
