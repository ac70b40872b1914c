import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/i18n';
import { readOnlyReason } from './readOnlyReasons';

const t: Translate = (key) => key;

describe('readOnlyReason', () => {
  it("says the server's reason in the minutes' words", () => {
    expect(readOnlyReason(t, 'minutes', 'CHECKED')).toBe('meet.editor.readOnly.checked');
    expect(readOnlyReason(t, 'minutes', 'PUBLISHED')).toBe('meet.editor.readOnly.published');
    expect(readOnlyReason(t, 'minutes', 'PAST_STATE')).toBe('meet.editor.readOnly.pastState');
    expect(readOnlyReason(t, 'decisionWording', 'PAST_STATE')).toBe('meet.editor.readOnly.pastState');
    expect(readOnlyReason(t, 'minutes', 'OBSERVER')).toBe('meet.editor.readOnly.observer');
    expect(readOnlyReason(t, 'minutes', 'NOT_MEMBER')).toBe('meet.editor.readOnly.notMember');
  });

  it("says the server's reason in a decision wording's words", () => {
    expect(readOnlyReason(t, 'decisionWording', 'CLOSED')).toBe('meet.decisionEditor.readOnly.closed');
    expect(readOnlyReason(t, 'decisionWording', 'OBSERVER')).toBe('meet.decisionEditor.readOnly.observer');
    expect(readOnlyReason(t, 'decisionWording', 'NOT_MEMBER')).toBe('meet.decisionEditor.readOnly.notMember');
  });

  it('says plain "read only" for a reason without words of its own, or none', () => {
    expect(readOnlyReason(t, 'minutes', 'API_TOKEN')).toBe('meet.editor.readOnly');
    expect(readOnlyReason(t, 'decisionWording', 'NOT_ALLOWED')).toBe('meet.editor.readOnly');
    expect(readOnlyReason(t, 'minutes', null)).toBe('meet.editor.readOnly');
  });
});
