import { useEffect, useRef, useState } from 'react';

type AgendaFocus =
  /** An item moved to index `to`: its pressed button, or its other one once the pressed one is disabled. */
  | { moved: string; to: number; button: 'up' | 'down' }
  /** An item was removed: the title of `next` (the one that took its place, or the one above), else the heading. */
  | { removed: string; next: string | undefined }
  /** Back to an item's own button (a cancelled or refused removal). */
  | { button: 'remove'; of: string };

/**
 * Where the keyboard goes after an act on the agenda, once the agenda shows its result: a move disables the pressed
 * button at the end of the list and a removal takes the pressed button away, and the focus must not fall to <body>.
 */
export function useAgendaFocus(agenda: readonly { id: string }[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const [target, setTarget] = useState<AgendaFocus>();
  useEffect(() => {
    if (!target) return;
    const list = listRef.current;
    const itemEl = (id: string | undefined) =>
      id ? list?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`) : null;
    const enabled = (el: HTMLElement | null | undefined, move: string) =>
      el?.querySelector<HTMLButtonElement>(`[data-move="${move}"]:not(:disabled)`);
    const title = (el: HTMLElement | null | undefined) => el?.querySelector<HTMLElement>('[data-item-title]');
    let next: HTMLElement | null | undefined;
    if ('moved' in target) {
      if (agenda.findIndex((i) => i.id === target.moved) !== target.to) return;
      const el = itemEl(target.moved);
      next = enabled(el, target.button) ?? enabled(el, target.button === 'up' ? 'down' : 'up') ?? title(el);
    } else if ('removed' in target) {
      if (agenda.some((i) => i.id === target.removed)) return;
      next = title(itemEl(target.next));
      if (!next) {
        next = document.getElementById('agenda');
        next?.setAttribute('tabindex', '-1');
      }
    } else next = enabled(itemEl(target.of), 'remove');
    next?.focus();
    setTarget(undefined);
  }, [target, agenda]);
  return { listRef, focusAfter: setTarget };
}
