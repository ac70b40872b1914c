import { describe, expect, it } from 'vitest';
import { caretLabelPlace } from './caretLabel';

const editor = { left: 50, right: 350 };

describe('a co-editor’s name tag', () => {
  it('stays at its caret when it fits to the right', () => {
    expect(caretLabelPlace({ left: 60, right: 250 }, editor)).toEqual({ shift: 0 });
  });

  it('moves left only as far as the right edge needs', () => {
    expect(caretLabelPlace({ left: 300, right: 400 }, editor)).toEqual({ shift: -50 });
  });

  it('never runs past the left edge when the caret is mid-line and the name is long (390 px)', () => {
    // The tag 190 px wide from a caret at 200: the old rule ended it at the caret, from 10 px, past the edge at 50.
    const place = caretLabelPlace({ left: 200, right: 390 }, editor);
    expect(place).toEqual({ shift: -40 });
    expect(200 + place.shift).toBeGreaterThanOrEqual(editor.left);
  });

  it('is narrowed to the editor with an ellipsis when wider than the editor', () => {
    expect(caretLabelPlace({ left: 100, right: 450 }, editor)).toEqual({ shift: -50, maxWidth: 300 });
  });
});
