import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import type { ChangeInput, EventRef } from './write.js';
import { updateAtVersion, upsertAtKey, type VersionedUpdate } from './update.js';

const ID = '00000000-0000-4000-8000-000000000001';
const at = new Date('2026-01-01T00:00:00Z');
type Row = { id: string; version: number; title: string; createdAt: Date; updatedAt: Date };
const EVENT = { name: 'probe.updated', entityType: 'probe' } as unknown as EventRef;

/** One stored row, the steps taken in order and the changes recorded, without a database. */
function store(version = 3) {
  let row: Row = { id: ID, version, title: 'Old', createdAt: at, updatedAt: at };
  const steps: string[] = [];
  const recorded: ChangeInput[] = [];
  const scope = {
    tx: {} as Db,
    record: async (change: ChangeInput) => {
      steps.push('record');
      recorded.push(change);
      return {} as never;
    },
  };
  const find = async () => {
    steps.push('find');
    return row;
  };
  const update = async (_tx: Db, _id: string, expected: number, changes: Partial<Row>) => {
    steps.push('update');
    if (row.version !== expected) return undefined;
    row = { ...row, ...changes, version: row.version + 1 };
    return row;
  };
  /** `updateAtVersion` of the stored row, at version 3 unless told, with what `spec` adds or replaces. */
  const run = (spec: Partial<VersionedUpdate<Row, Partial<Row>, 'tagIds', string>>) =>
    updateAtVersion(scope, {
      rows: { find, updateIfVersion: update },
      id: ID,
      expectedVersion: 3,
      what: 'Probe',
      changes: { title: 'New' },
      event: EVENT,
      ...spec,
    });
  return { run, steps, recorded };
}

describe('updateAtVersion', () => {
  it('locks, checks, updates, carries on and records the UPDATED event in that order, links in both states', async () => {
    const s = store();
    const after = await s.run({
      links: [{ tagIds: ['b', 'a'] }, { tagIds: () => ['a'] }],
      check: () => void s.steps.push('check'),
      then: async () => {
        s.steps.push('then');
        return 'done';
      },
      scope: (row, done) => ({ probeId: row.id, done }),
    });
    expect(after.version).toBe(4);
    expect(s.steps).toEqual(['find', 'check', 'update', 'then', 'record']);
    expect(s.recorded).toEqual([
      {
        ...EVENT,
        entityId: ID,
        kind: 'UPDATED',
        entityVersion: 4,
        before: { id: ID, version: 3, title: 'Old', tagIds: ['a'] },
        after: { id: ID, version: 4, title: 'New', tagIds: ['a', 'b'] },
        scope: { probeId: ID, done: 'done' },
      },
    ]);
  });

  it('answers the row as it is when nothing sent differs: no check, no update, no event', async () => {
    const s = store();
    const same = await s.run({
      changes: (before) => ({ title: before.title }),
      links: [{ tagIds: ['a'] }, { tagIds: () => ['a'] }],
      check: () => void s.steps.push('check'),
    });
    expect(same.version).toBe(3);
    expect(s.steps).toEqual(['find']);
  });

  it('refuses a stale version (CONFLICT) after `admit`, and an id that is no UUID (NOT_FOUND)', async () => {
    const s = store();
    const admit = () => void s.steps.push('admit');
    await expect(s.run({ expectedVersion: 2, admit })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentVersion: 3 },
    });
    await expect(s.run({ id: 'nope', admit })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(s.steps).toEqual(['find', 'admit']);
  });
});

describe('upsertAtKey', () => {
  it('reads the stored record, upserts it and records it by its key parts joined with ":"', async () => {
    const recorded: ChangeInput[] = [];
    const row = await upsertAtKey(
      async (change) => void recorded.push(change) as never,
      EVENT,
      ['m1', 'p1'],
      { meetingId: 'm1' },
      { find: async () => undefined, upsert: async () => ({ version: 1 }), values: { status: 'PRESENT' } },
    );
    expect(row).toEqual({ version: 1 });
    expect(recorded).toEqual([
      {
        ...EVENT,
        entityId: 'm1:p1',
        kind: 'CREATED',
        entityVersion: 1,
        before: null,
        after: { version: 1 },
        scope: { meetingId: 'm1' },
      },
    ]);
  });

  it('answers a stored record that already holds every value as it is: no upsert, no event', async () => {
    const recorded: ChangeInput[] = [];
    const stored = { version: 4, status: 'PRESENT', deputyForPersonId: null };
    const upserts: string[] = [];
    const upsert = async () => (upserts.push('upsert'), { ...stored, version: 5 });
    const rows = (values: object) => ({ find: async () => stored, upsert, values });
    const run = (values: object) =>
      upsertAtKey(async (change) => void recorded.push(change) as never, EVENT, ['m1', 'p1'], {}, rows(values));
    expect(await run({ status: 'PRESENT', deputyForPersonId: null })).toBe(stored);
    expect({ upserts, recorded }).toEqual({ upserts: [], recorded: [] });
    // One value differs: the record is written and the change recorded.
    expect(await run({ status: 'ABSENT', deputyForPersonId: null })).toEqual({ ...stored, version: 5 });
    expect({ upserts, recorded: recorded.map((r) => r.kind) }).toEqual({ upserts: ['upsert'], recorded: ['UPDATED'] });
  });
});
