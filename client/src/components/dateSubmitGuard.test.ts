import { describe, expect, it } from 'vitest';
import { guardDateSubmit, isUnreadableDate } from './dateSubmitGuard';

/** A form and a date field's input as the guard sees them (Node's own EventTarget and Event, no DOM). */
function fieldInForm(value: string) {
  const form = new EventTarget();
  const input = Object.assign(new EventTarget(), { value, form });
  return { form, input };
}

/** Sends the form as the browser does: a submit event that bubbles and may be cancelled. */
function send(form: EventTarget) {
  const event = new Event('submit', { bubbles: true, cancelable: true });
  form.dispatchEvent(event);
  return event;
}

const key = (name: string) => Object.assign(new Event('keydown', { bubbles: true, cancelable: true }), { key: name });

describe('isUnreadableDate', () => {
  it('takes an empty field and day-first dates as readable', () => {
    for (const text of ['', '   ', '31.12.2026', '5.3.2026', '31/12/2026', '31-12-2026', ' 29.2.2028 ']) {
      expect(isUnreadableDate(text), text).toBe(false);
    }
  });

  it('finds words, days and months that do not exist, and half-typed dates unreadable', () => {
    for (const text of ['huomenna', '32.13.2026', '31.4.2026', '29.2.2027', '31.12.26', '31.12', '2026-12-31', '31.12/2026']) {
      expect(isUnreadableDate(text), text).toBe(true);
    }
  });
});

describe('guardDateSubmit', () => {
  it('cancels and stops the submit while the field holds text that is no date, and says it refused', () => {
    const { form, input } = fieldInForm('32.13.2026');
    const told: boolean[] = [];
    guardDateSubmit(input, (refused) => told.push(refused));
    const event = send(form);
    expect(event.defaultPrevented).toBe(true);
    // Stopped at the form: React's onSubmit, which listens at the root above it, does not run.
    expect(event.cancelBubble).toBe(true);
    expect(told).toEqual([true]);
  });

  it('lets the form send a date or an empty field, and says it did not refuse', () => {
    for (const value of ['31.12.2026', '']) {
      const { form, input } = fieldInForm(value);
      const told: boolean[] = [];
      guardDateSubmit(input, (refused) => told.push(refused));
      const event = send(form);
      expect(event.defaultPrevented, value).toBe(false);
      expect(event.cancelBubble, value).toBe(false);
      expect(told, value).toEqual([false]);
    }
  });

  it('reads the text at the send, not when it started listening', () => {
    const { form, input } = fieldInForm('31.12.2026');
    guardDateSubmit(input, () => {});
    input.value = 'huomenna';
    expect(send(form).defaultPrevented).toBe(true);
    input.value = '1.1.2027';
    expect(send(form).defaultPrevented).toBe(false);
  });

  it("leaves the form's other date fields to mark themselves: each hears the refused submit", () => {
    const { form, input } = fieldInForm('huomenna');
    const other = Object.assign(new EventTarget(), { value: '31.12.2026', form });
    const told: string[] = [];
    guardDateSubmit(input, (refused) => told.push(`first ${refused}`));
    guardDateSubmit(other, (refused) => told.push(`second ${refused}`));
    expect(send(form).defaultPrevented).toBe(true);
    expect(told).toEqual(['first true', 'second false']);
  });

  it('tells of an Enter in the field only when its text is no date', () => {
    const { input } = fieldInForm('huomenna');
    let enters = 0;
    guardDateSubmit(
      input,
      () => {},
      () => enters++,
    );
    input.dispatchEvent(key('a'));
    expect(enters).toBe(0);
    input.dispatchEvent(key('Enter'));
    expect(enters).toBe(1);
    input.value = '31.12.2026';
    input.dispatchEvent(key('Enter'));
    expect(enters).toBe(1);
  });

  it('stops listening when told to', () => {
    const { form, input } = fieldInForm('huomenna');
    let calls = 0;
    const stop = guardDateSubmit(
      input,
      () => calls++,
      () => calls++,
    );
    stop();
    expect(send(form).defaultPrevented).toBe(false);
    input.dispatchEvent(key('Enter'));
    expect(calls).toBe(0);
  });

  it('still tells of an Enter in a field outside a form', () => {
    const input = Object.assign(new EventTarget(), { value: 'huomenna', form: null });
    let enters = 0;
    const stop = guardDateSubmit(
      input,
      () => {},
      () => enters++,
    );
    input.dispatchEvent(key('Enter'));
    expect(enters).toBe(1);
    stop();
  });
});
