import { describe, expect, it } from 'vitest';
import { startDemo } from './helpers.js';

/**
 * The meetings' lists refuse an ill-formed argument as the rest of the API does: BAD_USER_INPUT naming it, never an
 * empty answer (an outside tester's report: `meetings(bodyId: "notauuid")` answered []).
 */
const demo = startDemo();

const LISTS = {
  meetings: 'query ($b: ID, $from: DateTime) { meetings(bodyId: $b, from: $from) { id } }',
  attendanceStatistics: 'query ($b: ID, $from: DateTime) { attendanceStatistics(bodyId: $b, from: $from) { meetings } }',
  publishedMinutesList: 'query ($b: ID) { publishedMinutesList(bodyId: $b) { meetingId } }',
};

describe('a meetings list with an ill-formed argument', () => {
  it.each(Object.entries(LISTS))('%s refuses a bodyId that is no id, naming it', async (_, query) => {
    for (const b of ['notauuid', '', '12345']) {
      const r = await demo.server.gql(query, { b }, { token: demo.admin });
      expect(r.data ?? null, JSON.stringify(b)).toBeNull();
      expect(r.errors?.[0]?.extensions, JSON.stringify(b)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { bodyId: 'Not a valid id' },
      });
    }
    // A well-formed id of no body is no error: an empty list.
    const none = await demo.server.gql(query, { b: '00000000-0000-4000-8000-000000000000' }, { token: demo.admin });
    expect(none.errors).toBeUndefined();
    expect(Object.values(none.data!)[0]).toEqual([]);
  });

  it.each(['meetings', 'attendanceStatistics'] as const)(
    '%s refuses a from that is no date and time, naming it',
    async (name) => {
      const r = await demo.server.gql(LISTS[name], { from: 'yesterday' }, { token: demo.admin });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { from: expect.any(String) } });
    },
  );
});
