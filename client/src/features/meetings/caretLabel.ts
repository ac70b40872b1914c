/** A horizontal extent on the screen (px). */
export interface Span {
  readonly left: number;
  readonly right: number;
}

/**
 * Where another editor's name tag goes so that it stays inside the editor: `shift` moves it (px, negative = left)
 * from where it starts, at its caret; `maxWidth` narrows it to the editor's width when even that is too narrow
 * (the name then ends in an ellipsis). A tag that fits to the caret's right stays there; near the right edge it
 * moves left only as far as it must, never past the left edge (at 390 px a long name ran out on either side).
 */
export function caretLabelPlace(tag: Span, editor: Span): { shift: number; maxWidth?: number } {
  const room = editor.right - editor.left;
  const width = Math.min(tag.right - tag.left, room);
  const left = Math.max(editor.left, Math.min(tag.left, editor.right - width));
  return { shift: left - tag.left, ...(tag.right - tag.left > room ? { maxWidth: room } : {}) };
}
