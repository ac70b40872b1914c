import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { needsPolicy, standingOf, type NeedStanding } from './needs.policy.js';

const user = (roles: UserActor['roles'], partyId: string | null = null): UserActor => ({
  kind: 'user',
  userId: 'u',
  displayName: 'U',
  partyId,
  roles,
  via: 'session',
});
const none: NeedStanding = {
  memberOfOwnerBody: false,
  runsOwnerBody: false,
  partyConcerned: false,
  partyIsLead: false,
  recordedAwaitingLead: false,
};
const member = { ...none, memberOfOwnerBody: true };
const chair = { ...member, runsOwnerBody: true };
const concerned = { ...none, partyConcerned: true };
const lead = { ...concerned, partyIsLead: true };
const rep = user(['PARTY_REPRESENTATIVE'], 'p');
const admin = user(['SECRETARIAT']);
const analyst = user(['ANALYST']);

describe('needsPolicy', () => {
  it('derives the standing from the owner body roles, the parties concerned and the lead', () => {
    const need = { ownerBodyId: 'b', municipalityIds: ['m'], partyIds: [], createdByUserId: 'u', status: 'IDENTIFIED' };
    expect(standingOf(user(['PARTY_REPRESENTATIVE'], 'm'), need, [], [{ bodyId: 'b', role: 'CHAIR' }])).toEqual({
      memberOfOwnerBody: true,
      runsOwnerBody: true,
      partyConcerned: true,
      partyIsLead: false,
      recordedAwaitingLead: true,
    });
    expect(standingOf(rep, need, [{ partyId: 'p', role: 'LEAD' }], [{ bodyId: 'other', role: 'CHAIR' }])).toEqual({
      memberOfOwnerBody: false,
      runsOwnerBody: false,
      partyConcerned: true,
      partyIsLead: true,
      recordedAwaitingLead: false,
    });
  });

  it('lets members of the owner body and representatives of a party concerned read, and refuses others', () => {
    expect(needsPolicy.read(rep, member)).toBe(true);
    expect(needsPolicy.read(rep, concerned)).toBe(true);
    expect(needsPolicy.read(analyst, none)).toBe(true);
    expect(needsPolicy.read(admin, none)).toBe(true);
    expect(needsPolicy.read(rep, none)).toBe(false);
    expect(needsPolicy.read(anonymous, member)).toBe(false);
  });

  it('lets readers by standing comment, and refuses an analyst', () => {
    expect(needsPolicy.comment(rep, concerned)).toBe(true);
    expect(needsPolicy.comment(analyst, none)).toBe(false);
    expect(needsPolicy.comment(rep, none)).toBe(false);
  });

  it("hides comments' authors from analysts only", () => {
    expect(needsPolicy.seeCommentAuthors(rep)).toBe(true);
    expect(needsPolicy.seeCommentAuthors(analyst)).toBe(false);
  });

  it('lets a representative record a need of their own party in a body they sit in, and refuses one in another body', () => {
    expect(needsPolicy.create(rep, true, { id: null, member: false })).toBe(true);
    expect(needsPolicy.create(rep, true, { id: 'b', member: true })).toBe(true);
    expect(needsPolicy.create(rep, true, { id: 'b', member: false })).toBe(false);
    expect(needsPolicy.create(rep, false, { id: null, member: false })).toBe(false);
    expect(needsPolicy.create(admin, false, { id: 'b', member: false })).toBe(true);
    expect(needsPolicy.create(analyst, true, { id: null, member: false })).toBe(false);
  });

  it('says why a representative may not record a need: their role, their own party or the owner body', () => {
    expect(needsPolicy.createRefusal(analyst, true, { id: null, member: false })).toBe('ROLE');
    expect(needsPolicy.createRefusal(rep, false, { id: null, member: false })).toBe('OWN_PARTY');
    expect(needsPolicy.createRefusal(rep, true, { id: 'b', member: false })).toBe('OWNER_BODY');
    expect(needsPolicy.createRefusal(rep, true, { id: 'b', member: true })).toBeNull();
    expect(needsPolicy.createRefusal(admin, false, { id: 'b', member: false })).toBeNull();
  });

  it('lets the secretariat and a representative with a party record some need, and no one else', () => {
    expect(needsPolicy.createAny(admin)).toBe(true);
    expect(needsPolicy.createAny(rep)).toBe(true);
    expect(needsPolicy.createAny(user(['PARTY_REPRESENTATIVE']))).toBe(false);
    expect(needsPolicy.createAny(analyst)).toBe(false);
    expect(needsPolicy.createAny(user(['ANALYST'], 'p'))).toBe(false);
    expect(needsPolicy.createAny(anonymous)).toBe(false);
  });

  it('never offers recording to an API token, which never writes', () => {
    expect(needsPolicy.createAny({ ...admin, via: 'api_token' })).toBe(false);
    expect(needsPolicy.createAny({ ...rep, via: 'api_token' })).toBe(false);
  });

  it('lets the secretariat choose any owner body and others only one they sit in', () => {
    expect(needsPolicy.chooseOwnerBody(admin, false)).toBe(true);
    expect(needsPolicy.chooseOwnerBody(rep, true)).toBe(true);
    expect(needsPolicy.chooseOwnerBody(rep, false)).toBe(false);
    expect(needsPolicy.chooseOwnerBody(anonymous, true)).toBe(false);
  });

  it('lets the recorder edit the fields while the need awaits a lead, but not move it on, and refuses an analyst', () => {
    const recorder = { ...concerned, recordedAwaitingLead: true };
    expect(needsPolicy.editFields(rep, recorder)).toBe(true);
    expect(needsPolicy.edit(rep, recorder)).toBe(false);
    expect(needsPolicy.editFields(rep, concerned)).toBe(false);
    expect(needsPolicy.editFields(analyst, { ...none, recordedAwaitingLead: true })).toBe(false);
    expect(needsPolicy.editFields(rep, chair)).toBe(true);
  });

  it('knows the need awaits a lead only while IDENTIFIED with no LEAD party, and only for its recorder', () => {
    const need = { ownerBodyId: null, municipalityIds: ['p'], partyIds: [], createdByUserId: 'u', status: 'IDENTIFIED' };
    expect(standingOf(rep, need, [], []).recordedAwaitingLead).toBe(true);
    expect(standingOf(rep, { ...need, status: 'UNDER_ANALYSIS' }, [], []).recordedAwaitingLead).toBe(false);
    expect(standingOf(rep, need, [{ partyId: 'q', role: 'LEAD' }], []).recordedAwaitingLead).toBe(false);
    expect(standingOf(rep, { ...need, createdByUserId: 'someone else' }, [], []).recordedAwaitingLead).toBe(false);
  });

  it('lets the chair, the secretary and the lead party edit, and refuses an ordinary member or a contributor', () => {
    expect(needsPolicy.edit(rep, chair)).toBe(true);
    expect(needsPolicy.edit(rep, lead)).toBe(true);
    expect(needsPolicy.edit(admin, none)).toBe(true);
    expect(needsPolicy.edit(rep, member)).toBe(false);
    expect(needsPolicy.edit(rep, concerned)).toBe(false);
    expect(needsPolicy.edit(analyst, none)).toBe(false);
  });

  it('lets a party set its own responsibility but not make itself lead, and refuses another party', () => {
    expect(needsPolicy.setResponsibility(rep, concerned, 'p', 'CONTRIBUTOR', null)).toBe(true);
    expect(needsPolicy.setResponsibility(rep, concerned, 'p', 'LEAD', null)).toBe(false);
    expect(needsPolicy.setResponsibility(rep, concerned, 'q', 'INFORMED', null)).toBe(false);
    expect(needsPolicy.setResponsibility(rep, chair, 'q', 'LEAD', null)).toBe(true);
  });

  it("lets the secretariat and the owner body's chair name and change a lead, and refuses the lead's own representative", () => {
    expect(needsPolicy.nameLead(admin, none)).toBe(true);
    expect(needsPolicy.nameLead(rep, chair)).toBe(true);
    expect(needsPolicy.nameLead(rep, lead)).toBe(false);
    expect(needsPolicy.nameLead(rep, member)).toBe(false);
    // The lead edits the need and sets other parties' parts, but neither steps down nor names another lead.
    expect(needsPolicy.setResponsibility(rep, lead, 'q', 'CONTRIBUTOR', null)).toBe(true);
    expect(needsPolicy.setResponsibility(rep, lead, 'p', 'CONTRIBUTOR', 'LEAD')).toBe(false);
    expect(needsPolicy.setResponsibility(rep, lead, 'q', 'LEAD', 'CONTRIBUTOR')).toBe(false);
    expect(needsPolicy.setResponsibility(rep, lead, 'q', 'INFORMED', 'LEAD')).toBe(false);
    expect(needsPolicy.setResponsibility(admin, none, 'p', 'CONTRIBUTOR', 'LEAD')).toBe(true);
    // A joint lead: a second LEAD party beside the first.
    expect(needsPolicy.setResponsibility(admin, none, 'q', 'LEAD', null)).toBe(true);
  });

  it('lets a party add its own action and an editor any, and refuses a party adding for another', () => {
    expect(needsPolicy.createAction(rep, concerned, 'p')).toBe(true);
    expect(needsPolicy.createAction(rep, concerned, 'q')).toBe(false);
    expect(needsPolicy.createAction(rep, lead, 'q')).toBe(true);
  });

  it("lets a party update its own actions and refuses another party's", () => {
    expect(needsPolicy.updateAction(rep, 'p')).toBe(true);
    expect(needsPolicy.updateAction(rep, 'q')).toBe(false);
    expect(needsPolicy.updateAction(admin, 'q')).toBe(true);
  });
});
