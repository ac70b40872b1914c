import { useEffect, useRef, useState } from 'react';

/**
 * A field the form has marked invalid: a control with aria-invalid (our inputs, the design system's text,
 * date and filter inputs), the design system's Dropdown in its error state (its button carries no
 * aria-invalid), or a group of checkboxes with its message inside.
 */
const MARKED = '[aria-invalid="true"], .fi-dropdown--error, fieldset:has(> .yp-field-error)';
/** What can take focus inside a marked group or wrapper. */
const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Moves focus to the first field in `root` (document order) that is marked invalid, or into it when it is a
 * group (a fieldset of checkboxes: its first box), so a failed submit lands the user, and their screen reader,
 * on what to fix (WCAG 2.1 3.3.1, 4.1.3) instead of leaving them on the button. Returns what got focus.
 */
export function focusFirstInvalid(root: ParentNode | null | undefined): HTMLElement | null {
  if (!root) return null;
  const marked = [...root.querySelectorAll<HTMLElement>(MARKED)];
  // A marked group that holds a marked control (they follow it in document order): the control is the more precise place.
  let i = 0;
  while (marked[i + 1] && marked[i]?.contains(marked[i + 1] ?? null)) i++;
  const first = marked[i];
  const target = first && (first.matches(FOCUSABLE) ? first : first.querySelector<HTMLElement>(FOCUSABLE));
  if (!target) return null;
  target.focus();
  return target;
}

/**
 * A form's move to its first invalid field after it renders its messages: attach `formRef` to the form and call
 * `focusInvalid()` when a submit fails its checks (the fields' marks appear on the next render, then focus moves).
 */
export function useFocusFirstInvalid() {
  const formRef = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) focusFirstInvalid(formRef.current);
  }, [request]);
  return { formRef, focusInvalid: () => setRequest((n) => n + 1) };
}
