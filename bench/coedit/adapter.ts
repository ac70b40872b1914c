/**
 * What the co-editing row needs of a client, whoever's it is: connect an
 * editor to a document (resolving once it is in sync), then the row types
 * into `text` (a paragraph of `doc`'s XmlFragment `default`, as the meeting
 * room's editor holds the minutes) and watches `doc`'s transactions. Yjs from the project and Yjs from
 * the peers' folder are different copies, so the document is typed by shape.
 */
export interface EditorDoc {
  clientID: number;
  on(event: 'afterTransaction', listener: (tr: EditorTransaction) => void): void;
}

export interface EditorTransaction {
  local: boolean;
  beforeState: Map<number, number>;
  afterState: Map<number, number>;
}

/** Where an editor types: a Y.XmlText, by shape. */
export interface EditorText {
  insert(index: number, text: string): void;
  length: number;
}

export interface CoeditEditor {
  doc: EditorDoc;
  /** The editor's own paragraph in `default`, added once it is in sync. */
  text: EditorText;
  close(): Promise<void> | void;
}

export interface CoeditAdapter {
  /** One more editor on the shared document; resolves once it is in sync. */
  connect(): Promise<CoeditEditor>;
  /** Ends whatever the adapter holds besides its editors. */
  close?(): Promise<void> | void;
}
