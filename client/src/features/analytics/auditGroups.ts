import { formatDateTime, locales, TIME_ZONE, todayInFinland, type Language } from '../../i18n/i18n';

/** What the grouping reads of an audit event. */
export interface GroupableEvent {
  at: string;
  name: string;
  entityId: string;
  actor?: { id: string } | null;
  after?: unknown;
}

/** One row of the audit trail: an event, or a run of edits of one co-edited document by the same editors. */
export type AuditRow<E> = { kind: 'event'; event: E } | { kind: 'edits'; events: readonly E[] };

/** The event a co-edited document's stored batch of updates records (server/realtime/topics.ts). */
export const DOCUMENT_UPDATED = 'document.updated';

/**
 * Two edits further apart than this start separate runs, though nothing else happened between them in the
 * trail: a meeting's minutes edited in the morning and again in the afternoon are two sittings.
 */
export const EDIT_RUN_GAP_MS = 30 * 60_000;

/**
 * Who made a document's edit, as a key: the editors its batch names (`after.editors[].userId`), sorted, else its
 * actor; '' when the reader is shown neither (their edits group as one unknown editor).
 */
export function editorKey(event: GroupableEvent): string {
  const after = event.after;
  const editors = after && typeof after === 'object' && 'editors' in after ? (after as { editors: unknown }).editors : undefined;
  const ids = Array.isArray(editors)
    ? editors.flatMap((e: unknown) =>
        e && typeof e === 'object' && typeof (e as { userId?: unknown }).userId === 'string'
          ? [(e as { userId: string }).userId]
          : [],
      )
    : [];
  if (ids.length > 0) return [...new Set(ids)].sort().join(' ');
  return event.actor?.id ?? '';
}

/** Whether `event` continues the run that ends with `last`: the same document and editors, soon enough. */
function continues(last: GroupableEvent, event: GroupableEvent, maxGapMs: number): boolean {
  return (
    last.name === DOCUMENT_UPDATED &&
    event.name === DOCUMENT_UPDATED &&
    last.entityId === event.entityId &&
    editorKey(last) === editorKey(event) &&
    Math.abs(Date.parse(last.at) - Date.parse(event.at)) <= maxGapMs
  );
}

/**
 * The trail's rows: each co-editing batch of a document is an event of its own (one per 50 ms of typing, so a
 * few bursts make a screenful), and consecutive ones of the same document by the same editors, none more than
 * `maxGapMs` from the one before, make one row of edits. Other events, and a lone edit, stay rows of their own,
 * in the order given (the trail's, newest first).
 */
export function groupDocumentEdits<E extends GroupableEvent>(
  events: readonly E[],
  maxGapMs: number = EDIT_RUN_GAP_MS,
): AuditRow<E>[] {
  const runs: E[][] = [];
  for (const event of events) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && continues(last, event, maxGapMs)) run.push(event);
    else runs.push([event]);
  }
  return runs.map((run) => (run.length > 1 ? { kind: 'edits', events: run } : { kind: 'event', event: run[0]! }));
}

/**
 * When a run of edits happened, on the clock in Finland: "10.02–10.05" (one time when they all fall in one
 * minute) and `sameDay`; across midnight both ends with their dates ("5.12.2026 klo 23.58–6.12.2026 klo 0.03").
 */
export function runSpan(oldest: string, newest: string, lang: Language): { span: string; sameDay: boolean } {
  const sameDay = todayInFinland(new Date(oldest)) === todayInFinland(new Date(newest));
  if (!sameDay) return { span: `${formatDateTime(oldest, lang)}–${formatDateTime(newest, lang)}`, sameDay };
  const time = new Intl.DateTimeFormat(locales[lang], { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE });
  const [from, to] = [time.format(new Date(oldest)), time.format(new Date(newest))];
  return { span: from === to ? from : `${from}–${to}`, sameDay };
}
