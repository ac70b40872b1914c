import { describe, expect, it } from 'vitest';
import {
  deputyRefusal,
  deputySeatsOpenTo,
  isParticipant,
  participantsOf,
  quorumOf,
  seatFilledBy,
  standInRefusal,
} from './meetings.quorum.js';

const seat = (personId: string, role = 'MEMBER', endsOn: string | null = null, partyId = 'p') => ({
  personId,
  role,
  endsOn,
  partyId,
});
const here = (personId: string, status = 'PRESENT', deputyForPersonId: string | null = null) => ({
  personId,
  status,
  deputyForPersonId,
});

describe('quorum', () => {
  const body = [seat('a', 'CHAIR'), seat('b'), seat('c'), seat('d', 'VICE_CHAIR'), seat('s', 'SECRETARY'), seat('o', 'OBSERVER')];

  it('needs more than half of the seats filled: half is not enough', () => {
    expect(quorumOf(body, [here('a'), here('b')], '2026-12-01')).toEqual({ members: 4, present: 2, required: 3, reached: false });
    expect(quorumOf(body, [here('a'), here('b'), here('c', 'REMOTE')], '2026-12-01').reached).toBe(true);
  });

  it('counts neither the absent, the secretary nor observers, and counts a deputy for the member they replace once', () => {
    const q = quorumOf(
      [...body, seat('x', 'DEPUTY_MEMBER'), seat('y', 'DEPUTY_MEMBER')],
      [here('a'), here('b', 'ABSENT'), here('s'), here('o'), here('x', 'PRESENT', 'b'), here('y', 'PRESENT', 'a')],
      '2026-12-01',
    );
    expect(q).toMatchObject({ present: 2, reached: false });
  });

  it('leaves out ended memberships, and a body without members never has a quorum', () => {
    expect(quorumOf([seat('a'), seat('b', 'MEMBER', '2020-01-01')], [here('a')], '2026-12-01')).toMatchObject({
      members: 1,
      reached: true,
    });
    expect(quorumOf([], [], '2026-12-01').reached).toBe(false);
  });

  it("counts only a current deputy member of the seat's party, and names why another may not stand in", () => {
    const members = [
      seat('a', 'CHAIR'),
      seat('b'),
      seat('c', 'MEMBER', null, 'q'),
      seat('x', 'DEPUTY_MEMBER'),
      seat('z', 'DEPUTY_MEMBER', '2020-01-01'),
      seat('s', 'SECRETARY'),
    ];
    const day = '2026-12-01';
    expect(quorumOf(members, [here('a'), here('o', 'PRESENT', 'b')], day).present).toBe(1);
    expect(quorumOf(members, [here('a'), here('z', 'PRESENT', 'b')], day).present).toBe(1);
    expect(quorumOf(members, [here('a'), here('x', 'PRESENT', 'c')], day).present).toBe(1);
    expect(quorumOf(members, [here('a'), here('x', 'PRESENT', 'b')], day).present).toBe(2);
    expect(deputyRefusal(members, 'x', 'b', day)).toBeNull();
    expect(deputyRefusal(members, 'x', 's', day)).toMatchObject({ field: 'deputyForPersonId', reason: 'NOT_A_SEAT' });
    expect(deputyRefusal(members, 'a', 'b', day)).toMatchObject({ field: 'personId', reason: 'HOLDS_A_SEAT' });
    expect(deputyRefusal(members, 'o', 'b', day)).toMatchObject({ field: 'personId', reason: 'NOT_A_DEPUTY' });
    expect(deputyRefusal(members, 'z', 'b', day)).toMatchObject({ field: 'personId', reason: 'NOT_A_DEPUTY' });
    expect(deputyRefusal(members, 'x', 'c', day)).toMatchObject({ field: 'deputyForPersonId', reason: 'OTHER_PARTY' });
  });
});

describe('participants and seats', () => {
  const day = '2026-12-01';
  const members = [
    seat('a', 'CHAIR'),
    seat('b'),
    seat('x', 'DEPUTY_MEMBER'),
    seat('s', 'SECRETARY'),
    seat('o', 'OBSERVER'),
    seat('e', 'EXPERT'),
    seat('gone', 'MEMBER', '2020-01-01'),
  ];

  it('every current membership is a participant, whatever the role; an ended one or none is not', () => {
    expect(participantsOf(members, day).map((m) => m.personId)).toEqual(['a', 'b', 'x', 's', 'o', 'e']);
    for (const id of ['a', 'x', 's', 'o', 'e']) expect(isParticipant(members, id, day)).toBe(true);
    expect(isParticipant(members, 'gone', day)).toBe(false);
    expect(isParticipant(members, 'nobody', day)).toBe(false);
  });

  it('a seat is filled by its member present or by a lawful deputy standing in, by no one else', () => {
    expect(seatFilledBy(members, here('a'), day)).toBe('a');
    expect(seatFilledBy(members, here('b', 'REMOTE'), day)).toBe('b');
    expect(seatFilledBy(members, here('b', 'ABSENT'), day)).toBeNull();
    expect(seatFilledBy(members, here('x', 'PRESENT', 'b'), day)).toBe('b');
    expect(seatFilledBy(members, here('x'), day)).toBeNull();
    expect(seatFilledBy(members, here('x', 'PRESENT', 's'), day)).toBeNull();
    for (const id of ['s', 'o', 'e', 'gone']) expect(seatFilledBy(members, here(id), day)).toBeNull();
  });
});

describe('the seats a deputy may stand in for (recordAttendance and Attendance.deputyForChoices)', () => {
  const day = '2026-12-01';
  // Party p: the chair a and the members b, c; party q: the member m. Deputies x, y of p, z of q; the secretary s.
  const body = [
    seat('a', 'CHAIR'),
    seat('b'),
    seat('c'),
    seat('m', 'MEMBER', null, 'q'),
    seat('x', 'DEPUTY_MEMBER'),
    seat('y', 'DEPUTY_MEMBER'),
    seat('z', 'DEPUTY_MEMBER', null, 'q'),
    seat('e', 'DEPUTY_MEMBER', '2020-01-01'),
    seat('s', 'SECRETARY'),
  ];

  it('offers a deputy present the seats of their own party whose member is not present and that no one else fills', () => {
    const attendance = [here('a'), here('b', 'ABSENT'), here('x'), here('y', 'PRESENT', 'b')];
    // a is present, b is filled by y: only c is open to x; to y, its own b and c.
    expect(deputySeatsOpenTo(body, attendance, here('x'), day)).toEqual(['c']);
    expect(deputySeatsOpenTo(body, attendance, here('y', 'PRESENT'), day).sort()).toEqual(['b', 'c']);
    expect(deputySeatsOpenTo(body, attendance, here('z'), day)).toEqual(['m']);
  });

  it('offers a deputy recorded absent every seat of their party, and nobody else any seat', () => {
    const attendance = [here('a'), here('y', 'PRESENT', 'b'), here('x', 'ABSENT')];
    expect(deputySeatsOpenTo(body, attendance, here('x', 'ABSENT'), day).sort()).toEqual(['a', 'b', 'c']);
    for (const other of ['a', 'b', 's', 'e']) expect(deputySeatsOpenTo(body, attendance, here(other), day)).toEqual([]);
  });

  it('refuses as recordAttendance does: a filled seat, the member present, another party, no deputy', () => {
    const attendance = [here('a'), here('y', 'PRESENT', 'b')];
    const refusal = (personId: string, forId: string, status = 'PRESENT') =>
      standInRefusal(body, attendance, { personId, deputyForPersonId: forId, status }, day)?.reason ?? null;
    expect(refusal('x', 'b')).toBe('SEAT_TAKEN');
    expect(refusal('x', 'a')).toBe('SEAT_HOLDER_PRESENT');
    expect(refusal('x', 'a', 'ABSENT')).toBeNull();
    expect(refusal('x', 'm')).toBe('OTHER_PARTY');
    expect(refusal('s', 'c')).toBe('NOT_A_DEPUTY');
    expect(refusal('b', 'c')).toBe('HOLDS_A_SEAT');
    expect(refusal('x', 's')).toBe('NOT_A_SEAT');
    expect(refusal('y', 'b')).toBeNull();
  });
});
