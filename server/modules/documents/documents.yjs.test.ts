import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { legacyTextUpdate, paragraphText, paragraphUpdate, textOf, typeText } from '../../../tests/minutes-doc.js';
import {
  diffState,
  EDITOR_NODES,
  fromBase64,
  mergeState,
  refuseUpdate,
  renderText,
  toBase64,
  writesLegacyText,
} from './documents.yjs.js';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  typeText(doc, text);
  return doc;
}

describe('documents.yjs', () => {
  it('round-trips base64 and refuses what is not base64', () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('not base64!')).toBeUndefined();
  });

  it('tells a Yjs update from garbage', () => {
    expect(refuseUpdate(Y.encodeStateAsUpdate(docWith('a')))).toBeUndefined();
    expect(refuseUpdate(new Uint8Array([255, 255, 255, 255, 255]))).toBe('Not a Yjs update');
    expect(refuseUpdate(new Uint8Array())).toBe('Not a Yjs update');
  });

  it("accepts the editor's rich text, formatting and attributes, and later edits that name no type", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    const line = new Y.XmlText();
    heading.insert(0, [line]);
    doc.getXmlFragment('default').insert(0, [heading]);
    line.insert(0, 'Kokous\tavattiin\n', { bold: true });
    line.insert(6, ' klo 9');
    line.format(0, 3, { italic: true });
    line.delete(0, 1);
    expect(updates.map(refuseUpdate)).toEqual(updates.map(() => undefined));
    expect(refuseUpdate(Y.encodeStateAsUpdate(doc))).toBeUndefined();
  });

  it("refuses a shared type other than the editor's, wherever in the update it is", () => {
    const doc = docWith('pöytäkirja');
    doc.getText('minutes').insert(0, 'x');
    expect(refuseUpdate(Y.encodeStateAsUpdate(doc))).toMatch(/shared type "minutes"/);
    const map = new Y.Doc();
    map.getMap('flood').set('a', 1);
    expect(refuseUpdate(Y.encodeStateAsUpdate(map))).toMatch(/shared type "flood"/);
  });

  it('refuses control characters in text, formats and names, but not tab, newline or carriage return', () => {
    const of = (change: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      change(doc);
      return refuseUpdate(Y.encodeStateAsUpdate(doc));
    };
    expect(of((d) => typeText(d, 'a\u0000b'))).toMatch(/U\+0000/);
    expect(of((d) => typeText(d, 'a\u001bb'))).toMatch(/U\+001B/);
    expect(of((d) => typeText(d, 'a\r\nb'))).toBeUndefined();
    expect(of((d) => d.transact(() => paragraphText(d).insert(0, 'a', { link: { href: 'x\u0007' } })))).toMatch(/U\+0007/);
    expect(of((d) => d.getXmlFragment('default').insert(0, [new Y.XmlElement('p\u001f')]))).toMatch(/U\+001F/);
    expect(of((d) => typeText(d, 'a\tb\nc'))).toBeUndefined();
  });

  it('refuses a write to the Y.Text "text", naming what to write instead', () => {
    expect(refuseUpdate(legacyTextUpdate('Pöytäkirja'))).toMatch(
      /Writes the Y\.Text "text".*write the XmlFragment "default".*paragraph elements holding XmlText/,
    );
    // Also next to the editor's content, in one update.
    const doc = docWith('Kokous avattiin.');
    doc.getText('text').insert(0, 'x');
    expect(refuseUpdate(Y.encodeStateAsUpdate(doc))).toMatch(/Y\.Text "text"/);
    expect(refuseUpdate(paragraphUpdate('Kokous avattiin.'))).toBeUndefined();
  });

  it("refuses elements and formatting the room's editor does not know, and accepts all it does", () => {
    const of = (change: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      change(doc);
      return refuseUpdate(Y.encodeStateAsUpdate(doc));
    };
    expect(of((d) => d.getXmlFragment('default').insert(0, [new Y.XmlElement('minutesBlock')]))).toMatch(
      /element "minutesBlock", which the meeting room's editor does not know; it knows paragraph, heading/,
    );
    const nested = (d: Y.Doc) => {
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      item.insert(0, [new Y.XmlElement('p')]);
      list.insert(0, [item]);
      d.getXmlFragment('default').insert(0, [list]);
    };
    expect(of(nested)).toMatch(/element "p"/);
    expect(of((d) => d.transact(() => paragraphText(d).insert(0, 'a', { highlight: true })))).toMatch(
      /Formats text with "highlight"/,
    );
    expect(of((d) => d.getXmlFragment('default').insert(0, [new Y.XmlFragment() as unknown as Y.XmlText]))).toMatch(
      /other than XmlElement/,
    );
    expect(
      of((d) =>
        d.getXmlFragment('default').insert(
          0,
          [...EDITOR_NODES].map((name) => new Y.XmlElement(name)),
        ),
      ),
    ).toBeUndefined();
    const marks = { bold: true, italic: true, strike: true, code: true, underline: true, link: { href: 'https://x.fi' } };
    expect(of((d) => d.transact(() => paragraphText(d).insert(0, 'a', marks)))).toBeUndefined();
    // y-prosemirror's key for overlapping marks of one type.
    expect(of((d) => d.transact(() => paragraphText(d).insert(0, 'a', { 'link--AbCd12+/': { href: 'x' } })))).toBeUndefined();
  });

  it('refuses an edit placed next to an old "text" that a stored document holds, and nothing else there', () => {
    const stored = new Y.Doc();
    Y.applyUpdate(stored, legacyTextUpdate('Vanha pöytäkirja'));
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(stored));
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    editor.getText('text').insert(5, ' uusi');
    expect(refuseUpdate(updates[0]!)).toBeUndefined();
    expect(writesLegacyText(stored, updates[0]!)).toMatch(/Writes the Y\.Text "text".*XmlFragment "default"/);
    typeText(editor, 'Uusi kappale');
    expect(writesLegacyText(stored, updates[1]!)).toBeUndefined();
    expect(writesLegacyText(new Y.Doc(), updates[0]!)).toBeUndefined();
  });

  it('still reads an old "text" after the editor\'s content', () => {
    const doc = docWith('Uusi kappale');
    Y.applyUpdate(doc, legacyTextUpdate('Vanha pöytäkirja'));
    expect(renderText(Y.encodeStateAsUpdate(doc))).toBe('Uusi kappale\n\nVanha pöytäkirja');
  });

  it('merges updates idempotently: a duplicate adds nothing', () => {
    const doc = docWith('hello');
    const u = Y.encodeStateAsUpdate(doc);
    expect(renderText(mergeState([u, u, u]))).toBe('hello');
  });

  it('sends only what a state vector lacks', () => {
    const a = docWith('one');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    typeText(a, ' two', 3);
    const diff = diffState(Y.encodeStateAsUpdate(a), Y.encodeStateVector(b));
    Y.applyUpdate(b, diff);
    expect(textOf(b)).toBe('one two');
    expect(diff.length).toBeLessThan(Y.encodeStateAsUpdate(a).length);
  });

  it('renders rich text block by block', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('default');
    const h = new Y.XmlElement('heading');
    h.insert(0, [new Y.XmlText('§ 1 Opening')]);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('The chair opened the meeting.')]);
    frag.insert(0, [h, p]);
    expect(renderText(Y.encodeStateAsUpdate(doc))).toBe('§ 1 Opening\nThe chair opened the meeting.');
  });
});
