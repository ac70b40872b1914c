import { describe, expect, it } from 'vitest';
import { addDays, today } from '../../server/lib/dates.js';
import * as factory from './factories.js';
import { startDemo } from './helpers.js';

/** A decision recorded as made (any outcome but PENDING) is not dated after today, Helsinki time. */
const demo = startDemo({ users: ['jyvaskyla'], region: true });

const RECORD = `mutation ($input: RecordRatificationInput!) {
  recordRatification(input: $input) { id outcome decisionDate version } }`;
const RATIFICATIONS = 'query ($id: ID!) { agreement(id: $id) { ratifications { party { code } outcome decisionDate } } }';

const ratify = (as: string, agreementId: string, decisionDate: string, outcome = 'APPROVED') =>
  demo.server.gql(
    RECORD,
    {
      input: {
        agreementId,
        partyId: demo.region.party('179'),
        decidingBody: 'Kaupunginvaltuusto',
        decisionDate,
        section: '§ 89',
        outcome,
      },
    },
    { token: as },
  );

async function jyvaskylasRecord(agreementId: string) {
  const r = await demo.server.gql(RATIFICATIONS, { id: agreementId }, { token: demo.token.admin });
  return r.data!.agreement.ratifications.find((x: { party: { code: string } }) => x.party.code === '179');
}

// Two days ahead: after today in Helsinki however the clock turns during the test.
const future = () => addDays(today(), 2);

describe('the date of a recorded ratification', () => {
  it.each(['APPROVED', 'APPROVED_WITH_CHANGES', 'REJECTED'])(
    'may not be after today for %s: BAD_USER_INPUT on input.decisionDate, nothing recorded',
    async (outcome) => {
      const a = await factory.makeAgreement(demo.server, demo.token.admin);
      for (const date of ['2099-01-01', future()]) {
        const r = await ratify(demo.token.jyvaskyla, a.id, date, outcome);
        expect(r.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { 'input.decisionDate': 'A decision already made cannot be dated after today' },
        });
        expect(r.data ?? null).toBeNull();
      }
      expect(await jyvaskylasRecord(a.id)).toMatchObject({ outcome: 'PENDING', decisionDate: null });
    },
  );

  it('may not be moved after today when the record is replaced, which keeps the earlier one', async () => {
    const a = await factory.makeAgreement(demo.server, demo.token.admin);
    expect((await ratify(demo.token.admin, a.id, '2025-11-03')).errors).toBeUndefined();
    const r = await ratify(demo.token.admin, a.id, '2099-01-01');
    expect(r.errors?.[0]?.extensions?.fields).toEqual({ 'input.decisionDate': expect.any(String) });
    expect(await jyvaskylasRecord(a.id)).toMatchObject({ outcome: 'APPROVED', decisionDate: '2025-11-03' });
  });

  it('may be today, and a pending decision may carry the date it is expected on', async () => {
    const a = await factory.makeAgreement(demo.server, demo.token.admin);
    const day = today();
    const now = await ratify(demo.token.jyvaskyla, a.id, day);
    expect(now.errors).toBeUndefined();
    expect(now.data!.recordRatification).toMatchObject({ outcome: 'APPROVED', decisionDate: day });
    const b = await factory.makeAgreement(demo.server, demo.token.admin);
    const expected = future();
    const pending = await ratify(demo.token.jyvaskyla, b.id, expected, 'PENDING');
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.recordRatification).toMatchObject({ outcome: 'PENDING', decisionDate: expected });
  });
});
