import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/useI18n';
import type { CoEditedDocument } from './useCoEditedDocument';
import { SyncIndicator } from './SyncIndicator';

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
 * A rich-text editor (headings, lists, bold) bound to a Yjs document: every
 * keystroke is a local Yjs edit, so typing is never blocked by others; the
 * sync sends it and shows whether anything is unsaved.
 */
export function CollaborativeEditor({
  document: shared,
  editable,
  label,
  user,
  minimal = false,
}: {
  document: CoEditedDocument;
  editable: boolean;
  label: string;
  user: { name: string; color: string };
  minimal?: boolean;
}) {
  const { t } = useI18n();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
        Collaboration.configure({ document: shared.doc, field: 'default' }),
        CollaborationCaret.configure({ provider: { awareness: shared.awareness }, user, render: renderCaret }),
      ],
      editable,
      editorProps: {
        attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'yp-editor__content' },
      },
      immediatelyRender: true,
    },
    [shared.doc, shared.awareness],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            h2: e.isActive('heading', { level: 2 }),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            bold: e.isActive('bold'),
          }
        : null,
  });

  return (
    <div className={`yp-editor${editable ? '' : ' yp-editor--readonly'}`}>
      <div className="yp-editor__bar">
        {editable && editor && !minimal && (
          <div role="toolbar" aria-label={t('meet.editor.toolbar')} className="yp-editor__tools">
            <button
              type="button"
              aria-pressed={active?.h2 ?? false}
              onClick={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}
            >
              {t('meet.editor.heading')}
            </button>
            <button type="button" aria-pressed={active?.bold ?? false} onClick={() => editor.chain().focus().toggleBold().run()}>
              <strong>{t('meet.editor.bold')}</strong>
            </button>
            <button
              type="button"
              aria-pressed={active?.bullet ?? false}
              onClick={() => editor.chain().focus().toggleBulletList().run()}
            >
              {t('meet.editor.bullets')}
            </button>
            <button
              type="button"
              aria-pressed={active?.ordered ?? false}
              onClick={() => editor.chain().focus().toggleOrderedList().run()}
            >
              {t('meet.editor.numbered')}
            </button>
          </div>
        )}
        {!editable && <span className="yp-meta">{t('meet.editor.readOnly')}</span>}
        <SyncIndicator status={shared.status} />
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
