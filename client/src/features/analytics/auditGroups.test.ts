import { describe, expect, it } from 'vitest';
import { editorKey, groupDocumentEdits, runSpan, type GroupableEvent } from './auditGroups';

interface TestEvent extends GroupableEvent {
  id: string;
}

let next = 0;
/** A batch of a document's edits by `editors` at `at` (the trail's shape). */
const edit = (documentId: string, at: string, editors: string[], actor = editors[0]): TestEvent => ({
  id: `e${++next}`,
  at,
  name: 'document.updated',
  entityId: documentId,
  actor: actor ? { id: actor } : null,
  after: { bytes: 40, updates: 3, fromVersion: 1, editors: editors.map((userId) => ({ userId, partyId: 'p', updates: 1 })) },
});
const other = (at: string): TestEvent => ({ id: `e${++next}`, at, name: 'need.updated', entityId: 'need-1', actor: { id: 'a' } });

/** The rows as the ids of their events, a run as a list. */
const shape = (events: TestEvent[]) =>
  groupDocumentEdits(events).map((row) => (row.kind === 'edits' ? row.events.map((e) => e.id) : row.event.id));

/** `count` edits by `editors`, newest first, one every two seconds back from `from` (HH:MM:SS on 5 December). */
function burst(count: number, from: string, editors = ['anna'], documentId = 'doc-1'): TestEvent[] {
  const start = Date.parse(`2026-12-05T${from}Z`);
  return Array.from({ length: count }, (_, i) => edit(documentId, new Date(start - i * 2000).toISOString(), editors));
}

describe('groupDocumentEdits', () => {
  it('makes one row of four bursts of typing in the minutes (19 batches) by one editor', () => {
    const events = [...burst(5, '10:05:00'), ...burst(4, '10:04:00'), ...burst(6, '10:03:00'), ...burst(4, '10:02:10')];
    const rows = groupDocumentEdits(events);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({ kind: 'edits', events });
  });

  it('keeps every other event, and a lone edit, a row of its own, in the order given', () => {
    const [a, b] = burst(2, '10:05:00');
    const need = other('2026-12-05T10:04:00Z');
    const [c] = burst(1, '10:03:00', ['anna'], 'doc-2');
    const [d, e] = burst(2, '10:02:00');
    expect(shape([a!, b!, need, c!, d!, e!])).toEqual([[a!.id, b!.id], need.id, c!.id, [d!.id, e!.id]]);
  });

  it('does not join the edits of two documents, even when they alternate', () => {
    const minutes = burst(2, '10:05:00', ['anna'], 'minutes');
    const decision = burst(2, '10:04:59', ['anna'], 'decision');
    const events = [minutes[0]!, decision[0]!, minutes[1]!, decision[1]!];
    expect(shape(events)).toEqual(events.map((e) => e.id));
  });

  it('joins edits by the same editors in any order, and starts a new row when the editors change', () => {
    const both = [
      edit('doc-1', '2026-12-05T10:05:02Z', ['anna', 'bertil']),
      edit('doc-1', '2026-12-05T10:05:01Z', ['bertil', 'anna'], 'bertil'),
    ];
    const anna = burst(3, '10:05:00');
    expect(shape([...both, ...anna])).toEqual([both.map((e) => e.id), anna.map((e) => e.id)]);
  });

  it('starts a new row after a pause longer than half an hour', () => {
    const afternoon = burst(2, '14:00:00');
    const morning = burst(2, '10:00:00');
    expect(shape([...afternoon, ...morning])).toEqual([afternoon.map((e) => e.id), morning.map((e) => e.id)]);
    expect(groupDocumentEdits([...afternoon, ...morning], 5 * 3600_000)).toHaveLength(1);
  });
});

describe('editorKey', () => {
  it('names a batch by its editors, else by its actor, else as unknown', () => {
    expect(editorKey(edit('d', '2026-12-05T10:00:00Z', ['b', 'a', 'b']))).toBe('a b');
    expect(editorKey({ at: '', name: 'document.updated', entityId: 'd', actor: { id: 'a' }, after: null })).toBe('a');
    expect(editorKey({ at: '', name: 'document.updated', entityId: 'd', actor: null, after: { editors: 'hidden' } })).toBe('');
  });
});

describe('runSpan', () => {
  it("says a run's times on the clock in Finland, one time for one minute, and the dates across midnight", () => {
    expect(runSpan('2026-12-05T08:02:10Z', '2026-12-05T08:05:40Z', 'fi')).toEqual({ span: '10.02–10.05', sameDay: true });
    expect(runSpan('2026-12-05T08:02:10Z', '2026-12-05T08:02:50Z', 'sv')).toEqual({ span: '10.02', sameDay: true });
    expect(runSpan('2026-12-05T08:02:10Z', '2026-12-05T08:05:40Z', 'en')).toEqual({ span: '10:02–10:05', sameDay: true });
    expect(runSpan('2026-12-05T21:58:00Z', '2026-12-05T22:03:00Z', 'fi')).toEqual({
      span: '5.12.2026 klo 23.58–6.12.2026 klo 0.03',
      sameDay: false,
    });
  });
});
