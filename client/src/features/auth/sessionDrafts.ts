import { useEffect } from 'react';

/**
 * The unsent text of a page whose session ended (logout in another tab, a password change elsewhere): kept in
 * sessionStorage under the page's address when the route guard sends the user to sign in, and put back into the
 * same fields when they return there signed in. Only text the user typed into fields with an id inside <main>;
 * never a password or anything hidden. One-shot: the copy is removed once restored (or given up).
 */
const prefix = 'yp-drafts:';
/** How long the returning page may take to show the fields (its data loads first). */
const restoreWithinMs = 15_000;
// Search boxes are left out: a list's filters live in its address already.
const textTypes = new Set(['text', 'email', 'url', 'tel', 'number', '']);

type Field = HTMLInputElement | HTMLTextAreaElement;

function isDraftField(el: Element): el is Field {
  if (el instanceof HTMLTextAreaElement) return true;
  if (!(el instanceof HTMLInputElement)) return false;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return textTypes.has(type) && !/password|one-time-code/i.test(el.autocomplete);
}

/** Saves the typed text of the page at `address`; true when there is any kept. Call before the page is replaced. */
export function keepDrafts(address: string): boolean {
  const drafts: Record<string, string> = {};
  for (const el of document.querySelectorAll('main input[id], main textarea[id]')) {
    if (!isDraftField(el) || el.disabled || el.readOnly || el.value.trim() === '') continue;
    drafts[el.id] = el.value;
  }
  // The guard may render again once the page is gone (<Navigate> navigates on each render): what it kept stays.
  if (Object.keys(drafts).length === 0) return readDrafts(address) !== undefined;
  try {
    sessionStorage.setItem(prefix + address, JSON.stringify(drafts));
    return true;
  } catch {
    return false; // storage full or refused: nothing kept, and the login page does not promise it
  }
}

function readDrafts(address: string): Record<string, string> | undefined {
  try {
    const raw = sessionStorage.getItem(prefix + address);
    return raw ? (JSON.parse(raw) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** Types `value` into a React-controlled field as the user would, so the page's state gets it. */
function fill(el: Field, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Puts the kept text of the page at `address` back into its fields as they appear (empty ones only). */
export function useRestoreDrafts(address: string): void {
  useEffect(() => {
    const drafts = readDrafts(address);
    if (!drafts) return;
    const pending = new Map(Object.entries(drafts));
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      sessionStorage.removeItem(prefix + address);
    };
    const tryFill = () => {
      for (const [id, value] of pending) {
        const el = document.getElementById(id);
        if (!el || !isDraftField(el) || el.disabled || el.readOnly) continue;
        if (el.value === '') fill(el, value);
        pending.delete(id);
      }
      if (pending.size === 0) done();
    };
    const observer = new MutationObserver(tryFill);
    const timer = setTimeout(done, restoreWithinMs);
    observer.observe(document.body, { childList: true, subtree: true });
    tryFill();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [address]);
}
