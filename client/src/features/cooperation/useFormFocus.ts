import { useEffect, useRef, type RefObject } from 'react';

/** A form's fields that take the keyboard: text boxes, selects and the design system's dropdown buttons, as shown. */
const FIELDS =
  'input:not([type=hidden], [disabled]), select:not([disabled]), textarea:not([disabled]), button.fi-dropdown_button';

/** The first field in `root` that is shown (a Dropdown's own input is display: none). */
export function firstField(root: ParentNode | null | undefined): HTMLElement | undefined {
  return [...(root?.querySelectorAll<HTMLElement>(FIELDS) ?? [])].find((el) => el.getClientRects().length > 0);
}

/**
 * The keyboard follows a form that a button opens (WCAG 2.4.3): when `open` turns true, into the first field of the
 * form shown in `form`; when it turns false, back to `opener` (a button, or the element holding the button), unless
 * the user has already moved on to another control: it goes back only when the focus fell to the page's start with
 * the form's own buttons (a save or cancel), or stayed on the opener (a toggle).
 */
export function useFormFocus(open: boolean, form: RefObject<HTMLElement | null>, opener: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) firstField(form.current)?.focus();
    else if (wasOpen.current) {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) {
        const target = opener.current;
        (target instanceof HTMLButtonElement ? target : target?.querySelector('button'))?.focus();
      }
    }
    wasOpen.current = open;
  }, [open, form, opener]);
}
