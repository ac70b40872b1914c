import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState, type ChainedCommands, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import type { CoEditedDocument } from './useCoEditedDocument';
import { SyncIndicator } from './SyncIndicator';
import { caretLabelPlace } from './caretLabel';

/** Another editor's caret: a coloured bar with their name. */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'yp-caret';
  caret.style.borderColor = user.color ?? '#555';
  const label = document.createElement('span');
  label.className = 'yp-caret__label';
  label.style.backgroundColor = user.color ?? '#555';
  label.textContent = user.name ?? '';
  caret.append(label);
  return caret;
}

/**
 * Keeps the other editors' name tags inside the editor (caretLabelPlace): a tag starts at its caret and runs right;
 * near the right edge it moves left as far as it must, never past the left edge, and a name wider than the editor
 * ends in an ellipsis. The carets are re-drawn on every change and every move, so this runs after each transaction
 * and resize.
 */
function placeCaretLabels(content: HTMLElement): void {
  const box = content.getBoundingClientRect();
  const left = box.left + content.clientLeft;
  const editor = { left, right: left + content.clientWidth };
  for (const label of content.querySelectorAll<HTMLElement>('.yp-caret__label')) {
    label.style.marginLeft = '';
    label.style.maxWidth = '';
    const tag = label.getBoundingClientRect();
    const place = caretLabelPlace(tag, editor);
    label.classList.toggle('yp-caret__label--moved', place.shift < 0);
    if (place.shift) label.style.marginLeft = `${place.shift}px`;
    if (place.maxWidth !== undefined) label.style.maxWidth = `${place.maxWidth}px`;
  }
}

/**
 * The toolbar's buttons in order: each toggles a format at the selection and is pressed while the selection has it.
 * The bold button's label is itself bold.
 */
const TOOLS: readonly {
  label: MessageKey;
  isActive: (editor: Editor) => boolean;
  toggle: (chain: ChainedCommands) => ChainedCommands;
  strong?: boolean;
}[] = [
  {
    label: 'meet.editor.heading',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    toggle: (c) => c.toggleHeading({ level: 2 }),
  },
  { label: 'meet.editor.bold', isActive: (e) => e.isActive('bold'), toggle: (c) => c.toggleBold(), strong: true },
  { label: 'meet.editor.bullets', isActive: (e) => e.isActive('bulletList'), toggle: (c) => c.toggleBulletList() },
  { label: 'meet.editor.numbered', isActive: (e) => e.isActive('orderedList'), toggle: (c) => c.toggleOrderedList() },
];

/**
 * The editable area's attributes: a multi-line textbox named by `label`; read-only, it says so (aria-readonly)
 * and is described by the words that say why (`reasonId`).
 */
function contentAttributes(label: string, editable: boolean, reasonId: string): Record<string, string> {
  return {
    'aria-label': label,
    'aria-multiline': 'true',
    role: 'textbox',
    class: 'yp-editor__content',
    ...(editable ? {} : { 'aria-readonly': 'true', 'aria-describedby': reasonId }),
  };
}

/**
 * A rich-text editor (headings, lists, bold) bound to a Yjs document: every
 * keystroke is a local Yjs edit, so typing is never blocked by others; the
 * sync sends it and shows whether anything is unsaved. Read-only, it says why
 * (`readOnlyReason`, else plain "Vain luku") and shows no save status: the reader saves nothing.
 */
export function CollaborativeEditor({
  document: shared,
  editable,
  label,
  user,
  minimal = false,
  readOnlyReason,
}: {
  document: CoEditedDocument;
  editable: boolean;
  label: string;
  user: { name: string; color: string };
  minimal?: boolean;
  /** Why the reader may not write, said where the editor is read-only ("Vain luku: et ole toimielimen jäsen"). */
  readOnlyReason?: string;
}) {
  const { t } = useI18n();
  const reasonId = `${useId()}-readonly`;
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
        Collaboration.configure({ document: shared.doc, field: 'default' }),
        CollaborationCaret.configure({ provider: { awareness: shared.awareness }, user, render: renderCaret }),
      ],
      editable,
      editorProps: { attributes: contentAttributes(label, editable, reasonId) },
      immediatelyRender: true,
    },
    [shared.doc, shared.awareness],
  );
  useEffect(() => {
    editor?.setEditable(editable);
    editor?.setOptions({ editorProps: { attributes: contentAttributes(label, editable, reasonId) } });
  }, [editor, editable, label, reasonId]);
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    const place = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => placeCaretLabels(editor.view.dom));
    };
    editor.on('transaction', place);
    window.addEventListener('resize', place);
    place();
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', place);
      window.removeEventListener('resize', place);
    };
  }, [editor]);
  const active = useEditorState({ editor, selector: ({ editor: e }) => (e ? TOOLS.map((tool) => tool.isActive(e)) : null) });

  return (
    <div className={`yp-editor${editable ? '' : ' yp-editor--readonly'}`}>
      <div className="yp-editor__bar">
        {editable && editor && !minimal && (
          <div role="toolbar" aria-label={t('meet.editor.toolbar')} className="yp-editor__tools">
            {TOOLS.map((tool, i) => (
              <button
                key={tool.label}
                type="button"
                aria-pressed={active?.[i] ?? false}
                onClick={() => tool.toggle(editor.chain().focus()).run()}
              >
                {tool.strong ? <strong>{t(tool.label)}</strong> : t(tool.label)}
              </button>
            ))}
          </div>
        )}
        {!editable && (
          <span id={reasonId} className="yp-meta" data-testid="editor-read-only">
            {readOnlyReason ?? t('meet.editor.readOnly')}
          </span>
        )}
        {editable && <SyncIndicator status={shared.status} />}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
