import { cacheExchange } from '@urql/exchange-graphcache';
import { Kind, parse, type DocumentNode } from 'graphql';
import { Client, makeResult, type Exchange } from '@urql/core';
import { filter, fromValue, makeSubject, map, mergeMap, pipe } from 'wonka';
import { describe, expect, it } from 'vitest';
import { versionGuardExchange } from './versionGuard';

// parse(), not gql: codegen collects tagged documents, and these test-only ones are not the app's.
// The query and the subscription select the same meeting, so both spread one fragment.
const documents = parse(`
  fragment GuardedMeeting on Meeting {
    id
    status
    version
    quorum {
      present
      version
    }
  }

  query Meeting($id: ID!) {
    meeting(id: $id) {
      ...GuardedMeeting
    }
  }

  subscription MeetingChanged($id: ID!) {
    meetingChanged(meetingId: $id) {
      kind
      meeting {
        ...GuardedMeeting
      }
    }
  }
`);

/** One operation of `documents` with the fragment, as a document of its own (urql sends one operation per document). */
const operation = (name: string): DocumentNode => ({
  ...documents,
  definitions: documents.definitions.filter(
    (definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ||
      (definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name),
  ),
});

const MeetingQuery = operation('Meeting');
const MeetingChanged = operation('MeetingChanged');

const meeting = (status: string, version: number, present = 3) => ({
  __typename: 'Meeting',
  id: 'm1',
  status,
  version,
  // A value type with a version of its own: embedded in its meeting, never guarded on its own.
  quorum: { __typename: 'Quorum', present, version },
});

/** A client over graphcache and the guard whose "server" answers the query with `current` and events from a subject. */
function makeClient(current: () => ReturnType<typeof meeting>) {
  const events = makeSubject<ReturnType<typeof meeting>>();
  const server: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) =>
        op.kind === 'subscription'
          ? pipe(
              events.source,
              map((m) =>
                makeResult(op, { data: { meetingChanged: { __typename: 'MeetingEvent', kind: 'UPDATED', meeting: m } } }),
              ),
            )
          : fromValue(makeResult(op, { data: { meeting: current() } })),
      ),
    );
  const keys = { Quorum: () => null, MeetingEvent: () => null };
  const client = new Client({
    url: 'http://test.invalid/graphql',
    exchanges: [cacheExchange({ keys }), versionGuardExchange(keys), server],
  });
  const heard: unknown[] = [];
  client.subscription(MeetingChanged, { id: 'm1' }).subscribe((r) => heard.push(r.data?.meetingChanged.meeting));
  const cached = () => client.readQuery(MeetingQuery, { id: 'm1' })?.data?.meeting as ReturnType<typeof meeting> | undefined;
  return { client, events, heard, cached };
}

describe('the version guard', () => {
  it('an event older than the cached record leaves the record as it is, and its subscriber hears the newer one', async () => {
    const { client, events, heard, cached } = makeClient(() => meeting('DRAFT_MINUTES', 3));
    await client.query(MeetingQuery, { id: 'm1' }).toPromise();

    events.next(meeting('HELD', 2, 5));

    expect(cached()).toMatchObject({ status: 'DRAFT_MINUTES', version: 3, quorum: { present: 3 } });
    expect(heard).toEqual([expect.objectContaining({ status: 'DRAFT_MINUTES', version: 3 })]);
  });

  it('an event newer than the cached record is written into the cache', async () => {
    const { client, events, cached } = makeClient(() => meeting('HELD', 2));
    await client.query(MeetingQuery, { id: 'm1' }).toPromise();

    events.next(meeting('DRAFT_MINUTES', 3, 4));

    expect(cached()).toMatchObject({ status: 'DRAFT_MINUTES', version: 3, quorum: { present: 4 } });
  });

  it('an older event after a newer one is ignored too', async () => {
    const { client, events, cached } = makeClient(() => meeting('PLANNED', 1));
    await client.query(MeetingQuery, { id: 'm1' }).toPromise();

    events.next(meeting('DRAFT_MINUTES', 3));
    events.next(meeting('HELD', 2));

    expect(cached()).toMatchObject({ status: 'DRAFT_MINUTES', version: 3 });
  });

  it('a query answer is written whatever its version: only events are guarded', async () => {
    let current = meeting('DRAFT_MINUTES', 3);
    const { client, cached } = makeClient(() => current);
    await client.query(MeetingQuery, { id: 'm1' }).toPromise();

    current = meeting('HELD', 2);
    await client.query(MeetingQuery, { id: 'm1' }, { requestPolicy: 'network-only' }).toPromise();

    expect(cached()).toMatchObject({ status: 'HELD', version: 2 });
  });
});
