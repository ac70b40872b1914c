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
 * The one content a document has: the meeting room editor's rich text, TipTap's `default` (a Y.XmlFragment of
 * StarterKit nodes, client/src/features/meetings/CollaborativeEditor.tsx). Updates may change nothing else.
 */
export const SHARED_TYPES: ReadonlySet<string> = new Set(['default']);

/**
 * The plain Y.Text `text`, which updates could write until the document became one content: the room's editor
 * never showed it, so writing it is refused now. An old `text` that a database holds is still read (renderText).
 */
export const LEGACY_TEXT = 'text';

/** What to write instead of `text`, in the refusal. */
const WRITE_DEFAULT = 'write the XmlFragment "default" (the meeting room editor\'s content: paragraph elements holding XmlText)';

/**
 * The element names (ProseMirror node types) the room's editor knows: TipTap StarterKit's nodes, as
 * CollaborativeEditor.tsx registers them. The editor deletes an element it cannot make a node of.
 */
export const EDITOR_NODES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
]);

/**
 * The formatting keys (ProseMirror marks) the editor knows. y-prosemirror may suffix a key with `--<hash>` for
 * overlapping marks of one type. The editor deletes text carrying a mark it does not know.
 */
export const EDITOR_MARKS: ReadonlySet<string> = new Set(['bold', 'italic', 'strike', 'code', 'link', 'underline']);

const markName = (key: string): string => key.replace(/--[a-zA-Z0-9+/=]{8}$/, '');

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

/** Why an item's content is not something the editor knows, or undefined when it is. */
function unknownToEditor(content: Y.Item['content']): string | undefined {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement) {
      if (!EDITOR_NODES.has(type.nodeName))
        return `Has the element ${JSON.stringify(type.nodeName).slice(0, 80)}, which the meeting room's editor does not know; it knows ${[...EDITOR_NODES].join(', ')}`;
      return undefined;
    }
    if (type instanceof Y.XmlText) return undefined;
    return 'Has a shared type other than XmlElement or XmlText in "default", which the meeting room\'s editor cannot show';
  }
  if (content instanceof Y.ContentFormat && !EDITOR_MARKS.has(markName(content.key)))
    return `Formats text with ${JSON.stringify(content.key).slice(0, 80)}, which the meeting room's editor does not know; it knows ${[...EDITOR_MARKS].join(', ')}`;
  return undefined;
}

/**
 * Why an update may not be applied, or undefined when it may: it must decode as a Yjs update (v1),
 * change only the document's content (SHARED_TYPES; `text` is refused with what to write instead), bring
 * into it only elements and formatting the room's editor knows, and bring no control character.
 * One decode, no Y.Doc: an item names its top-level type when it has no neighbour to take its parent
 * from, and one that has one lies in the same type as that neighbour, so checking the named ones covers all
 * (a neighbour already stored lies in a type once allowed; for an old `text` see writesLegacyText).
 * Each item is looked at once, by its class and a set lookup, so the per-keystroke cost stays that of the decode.
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
    // A decoded item's parent is the top-level type's name when it names one (the types say otherwise).
    if ((struct.parent as unknown) === LEGACY_TEXT)
      return `Writes the Y.Text "text", which a document no longer has; ${WRITE_DEFAULT}`;
    if (typeof struct.parent === 'string' && !SHARED_TYPES.has(struct.parent))
      return `Changes the shared type ${JSON.stringify(struct.parent).slice(0, 80)}; a document has only the XmlFragment "default"`;
    const control = controlIn(struct.parentSub) ?? controlInContent(struct.content);
    if (control) return `Holds the control character ${control}, which a document's text may not`;
    // An element's attribute (parentSub set) holds a value, not content; anything else is content of "default".
    if (struct.parentSub === null) {
      const unknown = unknownToEditor(struct.content);
      if (unknown) return unknown;
    }
  }
  return undefined;
}

/**
 * Why an update may not be applied to a document whose state (`doc`) holds an old `text`, or undefined: an item
 * placed next to a stored item of `text` does not name its type, so refuseUpdate cannot see it. Only called for
 * such documents (a second decode), never for one without an old `text`.
 */
export function writesLegacyText(doc: Y.Doc, update: Uint8Array): string | undefined {
  const legacy = doc.share.get(LEGACY_TEXT);
  if (!legacy || legacy._start === null) return undefined;
  const inLegacy = (id: Y.ID | null): boolean => {
    if (!id || Y.getState(doc.store, id.client) <= id.clock) return false;
    const item = Y.getItem(doc.store, id);
    return item instanceof Y.Item && item.parent === legacy;
  };
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.parent === null && (inLegacy(struct.origin) || inLegacy(struct.rightOrigin)))
      return `Writes the Y.Text "text", which a document no longer has; ${WRITE_DEFAULT}`;
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
 * Plain text of a document: the rich-text fragment `default` (TipTap's field), block by block, then an old
 * plain `text` that a document may hold from before `text` was refused (so stored minutes do not vanish).
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
    const plain = doc.getText(LEGACY_TEXT).toString().trim();
    return [rich, plain].filter(Boolean).join('\n\n');
  } finally {
    doc.destroy();
  }
}
