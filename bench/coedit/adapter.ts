/**
 * What the co-editing row needs of a client, whoever's it is: connect an
 * editor to a document (resolving once it is in sync), then the row types
 * into `doc` and watches its transactions. Yjs from the project and Yjs from
 * the peers' folder are different copies, so the document is typed by shape.
 */
export interface EditorDoc {
  clientID: number;
  getText(name: string): { insert(index: number, text: string): void; length: number };
  on(event: 'afterTransaction', listener: (tr: EditorTransaction) => void): void;
}

export interface EditorTransaction {
  local: boolean;
  beforeState: Map<number, number>;
  afterState: Map<number, number>;
}

export interface CoeditEditor {
  doc: EditorDoc;
  close(): Promise<void> | void;
}

export interface CoeditAdapter {
  /** One more editor on the shared document; resolves once it is in sync. */
  connect(): Promise<CoeditEditor>;
  /** Ends whatever the adapter holds besides its editors. */
  close?(): Promise<void> | void;
}
