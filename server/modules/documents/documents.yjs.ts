import * as Y from 'yjs';

/** Largest update accepted (contract: over 1 MiB is BAD_USER_INPUT). */
export const MAX_UPDATE_BYTES = 1024 * 1024;

/** Decodes base64, or undefined when it is not base64. */
export function fromBase64(value: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1) return undefined;
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** True when the bytes decode as a Yjs update (v1). */
export function isYjsUpdate(update: Uint8Array): boolean {
  if (update.length === 0) return false;
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes decode as a Yjs state vector. */
export function isStateVector(sv: Uint8Array): boolean {
  try {
    Y.decodeStateVector(sv);
    return true;
  } catch {
    return false;
  }
}

/** Merges a snapshot and later updates into one update (no Y.Doc needed). */
export function mergeState(parts: Uint8Array[]): Uint8Array {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return nonEmpty.length === 1 ? nonEmpty[0]! : Y.mergeUpdates(nonEmpty);
}

/** What the state holds that a state vector lacks. */
export function diffState(state: Uint8Array, stateVector: Uint8Array | undefined): Uint8Array {
  return stateVector ? Y.diffUpdate(state, stateVector) : state;
}

function xmlToText(node: Y.XmlElement | Y.XmlFragment | Y.XmlText, out: string[]): void {
  if (node instanceof Y.XmlText) {
    out.push(node.toString().replace(/<[^>]+>/g, ''));
    return;
  }
  const before = out.length;
  node.toArray().forEach((child) => xmlToText(child as Y.XmlElement | Y.XmlText, out));
  if (node instanceof Y.XmlElement && out.length > before) out.push('\n');
}

/**
 * Plain text of a document: the rich-text fragment `default` (TipTap's field),
 * block by block, then the plain `text` type if one is used.
 */
export function renderText(state: Uint8Array): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const out: string[] = [];
    xmlToText(doc.getXmlFragment('default'), out);
    const rich = out
      .join('')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const plain = doc.getText('text').toString().trim();
    return [rich, plain].filter(Boolean).join('\n\n');
  } finally {
    doc.destroy();
  }
}
