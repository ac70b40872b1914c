import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffState, fromBase64, mergeState, refuseUpdate, renderText, toBase64 } from './documents.yjs.js';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
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
    expect(of((d) => d.getText('text').insert(0, 'a\u0000b'))).toMatch(/U\+0000/);
    expect(of((d) => d.getText('text').insert(0, 'a\u001bb'))).toMatch(/U\+001B/);
    expect(of((d) => d.getText('text').insert(0, 'a\r\nb'))).toBeUndefined();
    expect(of((d) => d.getText('text').insert(0, 'a', { link: { href: 'x\u0007' } }))).toMatch(/U\+0007/);
    expect(of((d) => d.getXmlFragment('default').insert(0, [new Y.XmlElement('p\u001f')]))).toMatch(/U\+001F/);
    expect(of((d) => d.getText('text').insert(0, 'a\tb\nc'))).toBeUndefined();
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
    a.getText('text').insert(3, ' two');
    const diff = diffState(Y.encodeStateAsUpdate(a), Y.encodeStateVector(b));
    Y.applyUpdate(b, diff);
    expect(b.getText('text').toString()).toBe('one two');
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
