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

/**
 * The top-level shared types a document has: the editor's rich text (TipTap's `default`, a
 * Y.XmlFragment) and the plain `text` (a Y.Text), the two that `renderText` reads.
 */
export const SHARED_TYPES: ReadonlySet<string> = new Set(['default', 'text']);

/**
 * C0 control characters other than tab, line feed and carriage return: never text (a GraphQL string refuses NUL; so
 * does an update). A carriage return passes, as text pasted from Windows may bring it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The first control character in a value (a string, or strings inside arrays and objects), as U+XXXX. */
function controlIn(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') {
    const hit = CONTROL.exec(value);
    return hit ? `U+${hit[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
  }
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = controlIn(key) ?? controlIn(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The strings an item brings in: its text, a format's key and value, an element's name, embedded values. */
function controlInContent(content: Y.Item['content']): string | undefined {
  if (content instanceof Y.ContentString) return controlIn(content.str);
  if (content instanceof Y.ContentFormat) return controlIn(content.key) ?? controlIn(content.value);
  if (content instanceof Y.ContentType)
    return content.type instanceof Y.XmlElement ? controlIn(content.type.nodeName) : undefined;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return controlIn(content.arr);
  if (content instanceof Y.ContentEmbed) return controlIn(content.embed);
  return undefined;
}

/**
 * Why an update may not be applied, or undefined when it may: it must decode as a Yjs update (v1),
 * change only the document's shared types (SHARED_TYPES) and bring no control character into them.
 * One decode, no Y.Doc: an item names its top-level type when it has no neighbour to take its parent
 * from, and one that has one lies in the same type as that neighbour, so checking the named ones covers all.
 */
export function refuseUpdate(update: Uint8Array): string | undefined {
  if (update.length === 0) return 'Not a Yjs update';
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'Not a Yjs update';
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string' && !SHARED_TYPES.has(struct.parent))
      return `Changes the shared type ${JSON.stringify(struct.parent).slice(0, 80)}; a document has only ${[...SHARED_TYPES].join(' and ')}`;
    const control = controlIn(struct.parentSub) ?? controlInContent(struct.content);
    if (control) return `Holds the control character ${control}, which a document's text may not`;
  }
  return undefined;
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
