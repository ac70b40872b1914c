import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffState, fromBase64, isYjsUpdate, mergeState, renderText, toBase64 } from './documents.yjs.js';

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
    expect(isYjsUpdate(Y.encodeStateAsUpdate(docWith('a')))).toBe(true);
    expect(isYjsUpdate(new Uint8Array([255, 255, 255, 255, 255]))).toBe(false);
    expect(isYjsUpdate(new Uint8Array())).toBe(false);
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
