import * as Y from 'yjs';

/**
 * Writing a document's content as the meeting room's editor holds it (docs/realtime.md): the XmlFragment
 * `default` of TipTap StarterKit nodes, here paragraphs holding an XmlText. The tests and the bench type
 * into a paragraph through these instead of the Y.Text `text`, which the server refuses.
 */

/** The XmlText of the document's first paragraph in `default`; adds the paragraph (in the caller's transaction) when there is none. */
export function paragraphText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('default');
  const first = fragment.get(0);
  if (first instanceof Y.XmlElement && first.nodeName === 'paragraph') {
    const text = first.get(0);
    if (text instanceof Y.XmlText) return text;
  }
  return addParagraph(doc);
}

/** Adds a paragraph with an empty XmlText at the end of `default` and answers its XmlText. */
export function addParagraph(doc: Y.Doc, text = ''): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const xmlText = new Y.XmlText(text);
  paragraph.insert(0, [xmlText]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
  return xmlText;
}

/**
 * Types `text` into the first paragraph at `at` (default: its end), making the paragraph first if there is
 * none, all in one transaction (so one update).
 */
export function typeText(doc: Y.Doc, text: string, at?: number): void {
  doc.transact(() => {
    const target = paragraphText(doc);
    target.insert(at ?? target.length, text);
  });
}

/** The words of one XmlText (formatting left out). */
function wordsOf(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('');
}

/** The document's paragraphs' words, a line each: what the room's editor shows, and Document.text for plain paragraphs. */
export function textOf(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((block) => (block instanceof Y.XmlElement ? block.toArray() : [block]))
    .map((children) => children.map((c) => (c instanceof Y.XmlText ? wordsOf(c) : '')).join(''))
    .join('\n');
}

/** One update from a fresh document that types `text` into a paragraph. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  typeText(doc, text);
  return Y.encodeStateAsUpdate(doc);
}

/** One update from a fresh document that writes `text` into the Y.Text `text`, as clients could before it was refused. */
export function legacyTextUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}
